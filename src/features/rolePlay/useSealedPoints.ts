import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { canPublishText, type SharingChoice } from '../../domain/consent';
import type { RolePoint } from '../../domain/rolePlay';
import { mergeRolePoints, writeRolePoints } from '../../sync/rolePlay/rolePlayOperations';
import { proposeMerge } from '../../sync/privateLayer/mergedPoints';
import {
  openSealedPoints,
  proposeEdit,
  writeModeratedPoints,
  type OpenedPoint,
} from '../../sync/privateLayer/sealedOperations';
import type { RoomDoc } from '../../sync/roomDoc';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { useRoomDoc } from '../room/RoomContext';
import { useFacilitatorBox, useOwnProposals, usePrivateLayer } from '../timeline/usePrivateCards';
import { useRolePlay } from './useRolePlay';

/** What the console knows of the points phones sealed to it, and how it acts on them. */
export type SealedPoints = {
  /** Every sealed point it opened, on the board or not. */
  opened: OpenedPoint[];
  /** Points for the room that are not on the board yet: they join the lists as proposed. */
  pending: RolePoint[];
  /** Points their authors gave to the facilitator only, or to be counted: never on the board. */
  withheld: OpenedPoint[];
};

/**
 * The role-play points phones sealed to this laptop, opened here only: they
 * join the console's lists as proposed points, and reach the room's board only
 * when the facilitator accepts (or merges) them. Authors' answers to a
 * rewording are acted on by the console's watcher, on any shelf.
 */
export function useSealedPoints(): SealedPoints {
  const doc = useRoomDoc();
  const room = useConsoleRoom()?.room ?? null;
  const box = useFacilitatorBox(room);
  const layer = usePrivateLayer();
  const board = useRolePlay().points;
  const cache = useMemo(() => new Map<string, OpenedPoint | null>(), []);
  const [opened, setOpened] = useState<OpenedPoint[]>([]);
  useEffect(() => {
    if (!room || !box) return;
    let live = true;
    // Authors' answers are settled by the console's watcher (privateLayer/answerWatcher.ts).
    void openSealedPoints(doc, box, room, cache).then((points) => {
      if (live) setOpened(points);
    });
    return () => {
      live = false;
    };
  }, [doc, room, box, cache, layer, board]);
  return useMemo(() => {
    const onBoard = new Set(board.items.map((point) => point.id));
    return {
      opened,
      pending: opened.filter((p) => canPublishText(p.choice) && !onBoard.has(p.id)),
      withheld: opened.filter((p) => !canPublishText(p.choice)),
    };
  }, [opened, board]);
}

type WritePoints = (doc: RoomDoc, points: readonly RolePoint[]) => void;

/** How the console acts on points: what it writes, and how it rewords a phone's point. */
export type PointModeration = {
  write: WritePoints;
  /**
   * For a point a phone sealed: asks its author to agree to the new words (the
   * board keeps the original until they do). Null for a point the console may
   * reword itself (its own) and for a phone's point written in the clear.
   */
  reword: (point: RolePoint) => ((text: string) => Promise<void>) | null;
  /** The words waiting for their author's answer, by point. */
  asked: ReadonlyMap<string, string>;
  /** Each sealed point's choice, by id (a point written in the clear has none). */
  choices: ReadonlyMap<string, SharingChoice>;
  /**
   * Joins points into one: at once when none was sealed by a phone; otherwise each
   * phone author is asked, and the merged point shows once they all agreed.
   */
  merge: (doc: RoomDoc, points: readonly RolePoint[]) => Promise<void>;
};

const direct: PointModeration = {
  write: writeRolePoints,
  merge: (doc, points) => Promise.resolve(mergeRolePoints(doc, points)),
  reword: () => null,
  asked: new Map(),
  choices: new Map(),
};

/** How the console writes its decisions on points: a sealed point declined stays private. */
const Moderation = createContext<PointModeration>(direct);

export const PointModerationProvider = Moderation.Provider;

/** The console's moderation of points, from what it opened. */
export function usePointModeration(sealed: SealedPoints): PointModeration {
  const doc = useRoomDoc();
  const room = useConsoleRoom()?.room ?? null;
  const box = useFacilitatorBox(room);
  const asked = useOwnProposals(box, room);
  return useMemo(() => {
    const choices = new Map<string, SharingChoice>(sealed.opened.map((p) => [p.id, p.choice]));
    const byId = new Map(sealed.opened.map((p) => [p.id, p]));
    return {
      write: (target, points) => writeModeratedPoints(target, points, choices),
      merge: async (target, points) => {
        if (!box || !room) mergeRolePoints(target, points);
        else await proposeMerge(target, box, room, points, byId);
      },
      reword: (point) => {
        const opened = byId.get(point.id);
        if (!opened || !box || !room) return null;
        return (text) => proposeEdit(doc, box, room, opened, text);
      },
      asked,
      choices,
    };
  }, [doc, box, room, sealed.opened, asked]);
}

export function usePointWriter(): WritePoints {
  return useContext(Moderation).write;
}

export function usePointModerationContext(): PointModeration {
  return useContext(Moderation);
}
