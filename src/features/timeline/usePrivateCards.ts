import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { recall } from '../../sync/phoneMemory';
import {
  ownSealedCards,
  ownSealedPoints,
  ownSealedReasons,
  rememberOwnCard,
  subscribeOwnWords,
} from '../../sync/privateLayer/ownWords';
import { facilitatorBoxFor } from '../../sync/privateLayer/facilitatorKeys';
import {
  phoneBoxFor,
  proposalsForPhone,
  proposedText,
  recoverOwnCards,
  type OpenedProposal,
  type PhoneSide,
} from '../../sync/privateLayer/sealedOperations';
import type { FacilitatorBox, PhoneBox } from '../../sync/privateLayer/facilitatorBox';
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

export function useOwnSealedReasons(room: string) {
  return useSyncExternalStore(
    (listener) => subscribeOwnWords(room, listener),
    () => ownSealedReasons(room),
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
    // After a reload the phone's own words are found again in the room, with its kept visit key.
    void recoverOwnCards(doc, phone).then((cards) =>
      cards.forEach((card) => rememberOwnCard(phone.room, card)),
    );
    void proposalsForPhone(doc, phone).then((found) => {
      if (live) setProposals(found);
    });
    return () => {
      live = false;
    };
  }, [doc, phone, layer]);
  return proposals;
}

/** The console's box for its room (null while it is read from IndexedDB, or with no room). */
export function useFacilitatorBox(room: string | null): FacilitatorBox | null {
  const [box, setBox] = useState<FacilitatorBox | null>(null);
  useEffect(() => {
    if (!room) return;
    let live = true;
    void facilitatorBoxFor(room).then((made) => {
      if (live) setBox(made);
    });
    return () => {
      live = false;
    };
  }, [room]);
  return box;
}

/**
 * The words the console proposed to authors and is waiting on, by the id of
 * the item they are about (opened by the console itself).
 */
export function useOwnProposals(box: FacilitatorBox | null, room: string | null) {
  const layer = usePrivateLayer();
  const [texts, setTexts] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!box || !room) return;
    let live = true;
    const waiting = layer.replies.filter(
      (reply) => layer.decisions.get(reply.about)?.state === 'proposed',
    );
    void Promise.all(
      waiting.map(async (reply) => [reply.about, await proposedText(box, room, reply)] as const),
    ).then((pairs) => {
      if (!live) return;
      setTexts(new Map(pairs.flatMap(([about, text]) => (text === null ? [] : [[about, text]]))));
    });
    return () => {
      live = false;
    };
  }, [box, room, layer]);
  return texts;
}
