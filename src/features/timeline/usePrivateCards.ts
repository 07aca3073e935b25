import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { recall } from '../../sync/phoneMemory';
import {
  ownSealedCards,
  ownSealedPoints,
  subscribeOwnWords,
} from '../../sync/privateLayer/ownWords';
import {
  phoneBoxFor,
  proposalsForPhone,
  type OpenedProposal,
  type PhoneSide,
} from '../../sync/privateLayer/sealedOperations';
import type { PhoneBox } from '../../sync/privateLayer/facilitatorBox';
import { privacySettingsStore, privateLayerStore } from '../../sync/privateLayer/sealedStore';
import { useRoomDoc, useRoomValue } from '../room/RoomContext';

/**
 * This phone in the private layer: its room, visit and box. `box` is null
 * while the visit's key pair is being made, and stays null when the link gave
 * no console key (`missingKey`): then nothing can be sealed.
 */
export function usePhoneSide(room: string, device: string): PhoneSide & { missingKey: boolean } {
  const facilitator = useMemo(() => recall(room)?.facilitator ?? null, [room]);
  const [box, setBox] = useState<PhoneBox | null>(null);
  useEffect(() => {
    if (!facilitator) return;
    let live = true;
    void phoneBoxFor(room, facilitator).then((made) => {
      if (live) setBox(made);
    });
    return () => {
      live = false;
    };
  }, [room, facilitator]);
  return useMemo(
    () => ({ room, device, box, missingKey: facilitator === null }),
    [room, device, box, facilitator],
  );
}

export function useOwnSealedCards(room: string) {
  return useSyncExternalStore(
    (listener) => subscribeOwnWords(room, listener),
    () => ownSealedCards(room),
  );
}

export function useOwnSealedPoints(room: string) {
  return useSyncExternalStore(
    (listener) => subscribeOwnWords(room, listener),
    () => ownSealedPoints(room),
  );
}

export function useOpenWall(): boolean {
  return useRoomValue(privacySettingsStore).openWall;
}

export function usePrivateLayer() {
  return useRoomValue(privateLayerStore);
}

/** The edits the console proposed to this phone, opened, re-read when the room's private layer changes. */
export function useProposals(phone: PhoneSide): OpenedProposal[] {
  const doc = useRoomDoc();
  const layer = usePrivateLayer();
  const [proposals, setProposals] = useState<OpenedProposal[]>([]);
  useEffect(() => {
    let live = true;
    void proposalsForPhone(doc, phone).then((found) => {
      if (live) setProposals(found);
    });
    return () => {
      live = false;
    };
  }, [doc, phone, layer]);
  return proposals;
}
