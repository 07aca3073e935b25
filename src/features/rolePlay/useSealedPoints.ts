import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { RolePoint } from '../../domain/rolePlay';
import { facilitatorBoxFor } from '../../sync/privateLayer/facilitatorKeys';
import { writeRolePoints } from '../../sync/rolePlay/rolePlayOperations';
import { openSealedPoints, writeModeratedPoints } from '../../sync/privateLayer/sealedOperations';
import type { RoomDoc } from '../../sync/roomDoc';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { useRoomDoc } from '../room/RoomContext';
import { usePrivateLayer } from '../timeline/usePrivateCards';
import { useRolePlay } from './useRolePlay';

/**
 * The role-play points phones sealed to this laptop, opened here only: they
 * join the console's lists as proposed points, and reach the room's board only
 * when the facilitator accepts (or merges) them.
 */
export function useSealedPoints(): RolePoint[] {
  const doc = useRoomDoc();
  const room = useConsoleRoom()?.room ?? null;
  const layer = usePrivateLayer();
  const board = useRolePlay().points;
  const cache = useMemo(() => new Map<string, RolePoint | null>(), []);
  const [opened, setOpened] = useState<RolePoint[]>([]);
  useEffect(() => {
    if (!room) return;
    let live = true;
    void facilitatorBoxFor(room)
      .then((box) => openSealedPoints(doc, box, room, cache))
      .then((points) => {
        if (live) setOpened(points);
      });
    return () => {
      live = false;
    };
  }, [doc, room, cache, layer, board]);
  return opened;
}

type WritePoints = (doc: RoomDoc, points: readonly RolePoint[]) => void;

/** How the console writes its decisions on points: a sealed point declined stays private. */
const PointWriter = createContext<WritePoints>(writeRolePoints);

export const PointWriterProvider = PointWriter.Provider;

export function moderatedWriter(sealedIds: ReadonlySet<string>): WritePoints {
  return (doc, points) => writeModeratedPoints(doc, points, sealedIds);
}

export function usePointWriter(): WritePoints {
  return useContext(PointWriter);
}
