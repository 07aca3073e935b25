/**
 * A phone's care slot: the one sealed record through which "I need a break"
 * reaches the console. Every joined phone holds one and re-seals it on a fixed
 * cadence whether or not its person asked (cover traffic): the record keeps its
 * id, device and key; only its box (same length every time) and its time change.
 * A request is carried by the next re-seal, never written on its own, so a
 * reader without the console's private key cannot tell a request from none,
 * nor when one was made. The slot's id, device id and key pair are its own, so
 * it links to none of the phone's cards or points.
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';
import {
  BREAK_REQUEST_INTERVAL_MS,
  CARE_SLOT_INTERVAL_MS,
  careSlotPayload,
  type BreakRequest,
} from '../../domain/care';
import { writeRecord } from '../record';
import { randomToken } from '../roomId';
import { createPhoneBox, type FacilitatorBox, type PhoneBox } from '../privateLayer/facilitatorBox';
import { readSealedRecords, sealedRecords, type SealedRecord } from '../privateLayer/sealedSchema';

export const CARE_SLOT_KIND = 'signal' as const;

function slotBinding(room: string, id: string) {
  return { room, kind: CARE_SLOT_KIND, id };
}

const slotPayloadSchema = z.object({
  v: z.literal(1),
  ask: z.union([z.literal(0), z.literal(1)]),
  id: z.string().check(z.minLength(8), z.maxLength(32)),
  at: z.number().check(z.int(), z.nonnegative()),
});

export type CareSlot = { readonly id: string; readonly device: string; readonly box: PhoneBox };

export async function createCareSlot(facilitatorPublicKey: string): Promise<CareSlot> {
  return {
    id: randomToken(12),
    device: randomToken(12),
    box: await createPhoneBox(facilitatorPublicKey),
  };
}

/** Re-seals the slot with the request it carries now (or none). */
export async function sealCareSlot(
  doc: Y.Doc,
  room: string,
  slot: CareSlot,
  request: BreakRequest | null,
  now: number,
): Promise<void> {
  const payload = careSlotPayload(request, { id: randomToken(12), at: now });
  const sealed = await slot.box.sealForFacilitator(slotBinding(room, slot.id), payload);
  writeRecord(doc, sealedRecords, {
    id: slot.id,
    kind: CARE_SLOT_KIND,
    device: slot.device,
    ...sealed,
    createdAt: now,
  });
}

export type CareSlotRunner = {
  /** Asks for a break: carried by the next re-seal. Resolves when it has been sealed into the room. */
  askForBreak(): Promise<void>;
  stop(): void;
};

/** Runs `tick` now and every `ms` after, until the returned function is called. */
export type Cadence = (tick: () => Promise<void>, ms: number) => () => void;

const onTimer: Cadence = (tick, ms) => {
  void tick();
  const timer = setInterval(() => void tick(), ms);
  return () => clearInterval(timer);
};

type RunnerOptions = {
  intervalMs?: number;
  now?: () => number;
  requestFor?: number;
  cadence?: Cadence;
};

/**
 * Keeps a phone's slot re-sealed every `intervalMs` (at once, then on the
 * cadence) until stopped. A request rides the slot for `requestFor` ms (the
 * time before the phone offers to ask again), then the slot goes back to none.
 */
export function runCareSlot(
  doc: Y.Doc,
  room: string,
  slot: Promise<CareSlot>,
  {
    intervalMs = CARE_SLOT_INTERVAL_MS,
    now = Date.now,
    requestFor = BREAK_REQUEST_INTERVAL_MS,
    cadence = onTimer,
  }: RunnerOptions = {},
): CareSlotRunner {
  let request: BreakRequest | null = null;
  let waiting: (() => void)[] = [];
  const tick = async () => {
    const at = now();
    if (request && at - request.at >= requestFor) request = null;
    const carrying = request;
    const carried = waiting;
    waiting = [];
    try {
      await sealCareSlot(doc, room, await slot, carrying, at);
    } catch {
      // A slot that cannot be sealed (no key yet, a closed room) tries again on the next tick.
      waiting = [...carried, ...waiting];
      return;
    }
    for (const done of carried) done();
  };
  const stop = cadence(tick, intervalMs);
  return {
    askForBreak() {
      request = { id: randomToken(12), at: now() };
      return new Promise((resolve) => waiting.push(resolve));
    },
    stop,
  };
}

/**
 * The break requests the console can read from the care slots: each slot
 * opened once per box (`cache` keeps the last box of each slot), a request
 * counted by its own id however many re-seals carried it.
 */
export async function openCareSlots(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  cache: Map<string, { box: string; request: BreakRequest | null }>,
): Promise<BreakRequest[]> {
  const slots: SealedRecord[] = readSealedRecords(doc).items.filter(
    (record) => record.kind === CARE_SLOT_KIND,
  );
  const requests: BreakRequest[] = [];
  for (const record of slots) {
    let known = cache.get(record.id);
    if (known?.box !== record.box) {
      const parsed = slotPayloadSchema.safeParse(
        await box.openAsFacilitator(slotBinding(room, record.id), record),
      );
      const ask = parsed.success && parsed.data.ask === 1;
      known = { box: record.box, request: ask ? { id: parsed.data.id, at: parsed.data.at } : null };
      cache.set(record.id, known);
    }
    if (known.request) requests.push(known.request);
  }
  return requests;
}

/** One slot per room on this page: a screen that mounts again keeps re-sealing the same record. */
const pageSlots = new Map<string, Promise<CareSlot>>();

export function careSlotFor(room: string, facilitatorPublicKey: string): Promise<CareSlot> {
  const name = `${room}\0${facilitatorPublicKey}`;
  let slot = pageSlots.get(name);
  if (!slot) {
    slot = createCareSlot(facilitatorPublicKey);
    pageSlots.set(name, slot);
  }
  return slot;
}
