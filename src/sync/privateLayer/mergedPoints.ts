/**
 * Merging role-play points that phones sealed. Several phones often say the
 * same thing, and the facilitator joins them into one point; but the joined
 * words are a rewording of each author's point, so, as for any rewording, each
 * phone author is asked first (the same sealed proposal as an edit, carrying
 * the merge). The merged point reaches the board only when every one of them
 * agreed; until then the originals stay as they were. One "no" puts every
 * sealed point of the merge back in the queue, each as its author wrote it.
 *
 * When the merge is published, the sealed originals are marked merged on the
 * board under the merged words: their own words never reach the room.
 */
import type * as Y from 'yjs';
import { canPublishText } from '../../domain/consent';
import { mergePoints, type RolePoint } from '../../domain/rolePlay';
import { randomToken } from '../roomId';
import { mergeRolePoints, writeRolePoints } from '../rolePlay/rolePlayOperations';
import { readRolePoints } from '../rolePlay/rolePlaySchema';
import type { FacilitatorBox } from './facilitatorBox';
import {
  CardRejected,
  decide,
  openAnswers,
  proposedPayload,
  proposeEdit,
  type OpenedPoint,
} from './sealedOperations';
import { readDecisions, readSealedReplies, type PointMerge } from './sealedSchema';

/**
 * Merges points as the facilitator chose them. With no sealed point among them
 * it is done at once; otherwise each sealed point's author is asked, and
 * nothing reaches the board yet. `opened`: the sealed points, by id.
 */
export async function proposeMerge(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  sources: readonly RolePoint[],
  opened: ReadonlyMap<string, OpenedPoint>,
  now = Date.now(),
): Promise<'merged' | 'asked'> {
  const sealed = sources.flatMap((point) => opened.get(point.id) ?? []);
  if (sealed.length === 0) {
    mergeRolePoints(doc, sources, now);
    return 'merged';
  }
  if (sealed.some((point) => !canPublishText(point.choice))) {
    throw new CardRejected('not-for-the-room');
  }
  const merge: PointMerge = { id: randomToken(12), at: now, sources: sources.map((p) => p.id) };
  const [joined] = mergePoints(sources, merge);
  if (!joined) return 'merged';
  for (const point of sealed) await proposeEdit(doc, box, room, point, joined.text, now, merge);
  return 'asked';
}

type Pending = { merge: PointMerge; text: string; asked: Map<string, string> };

/**
 * The console acts on its authors' answers to merges: publishes a merge every
 * phone author of it agreed to, and puts back in the queue the points of a
 * merge one of them refused. `points`: the sealed points the console opened.
 */
export async function settleMerges(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  points: readonly OpenedPoint[],
  now = Date.now(),
): Promise<void> {
  const byId = new Map(points.map((point) => [point.id, point]));
  const states = readDecisions(doc);
  const pending = new Map<string, Pending>();
  for (const reply of readSealedReplies(doc).items) {
    if (!byId.has(reply.about) || states.get(reply.about)?.state !== 'proposed') continue;
    const proposal = await proposedPayload(box, room, reply);
    if (!proposal?.merge) continue;
    const entry = pending.get(proposal.merge.id) ?? {
      merge: proposal.merge,
      text: proposal.text,
      asked: new Map<string, string>(),
    };
    entry.asked.set(reply.about, reply.id);
    pending.set(proposal.merge.id, entry);
  }
  if (pending.size === 0) return;
  const answers = await openAnswers(doc, box, room);
  for (const { merge, text, asked } of pending.values()) {
    const verdicts = [...asked].map(([about, proposal]) => {
      const author = byId.get(about)?.from;
      return answers.find(
        (answer) =>
          answer.payload.about === about &&
          answer.payload.proposal === proposal &&
          answer.record.from === author,
      )?.payload.agreed;
    });
    if (verdicts.includes(false)) {
      for (const about of asked.keys()) decide(doc, about, 'declined', now);
      continue;
    }
    // Every sealed point of the merge must have been asked, and have said yes.
    const sealedSources = merge.sources.filter((id) => byId.has(id));
    if (!sealedSources.every((id) => asked.has(id)) || verdicts.includes(undefined)) continue;
    publishMerge(doc, merge, text, byId, now);
  }
}

function publishMerge(
  doc: Y.Doc,
  merge: PointMerge,
  text: string,
  sealed: ReadonlyMap<string, OpenedPoint>,
  now: number,
): void {
  const board = new Map(readRolePoints(doc).items.map((point) => [point.id, point]));
  const sources = merge.sources.flatMap((id): RolePoint[] => {
    const found = board.get(id) ?? sealed.get(id);
    if (!found) return [];
    const { id: pointId, caseId, step, part, who, when, device, status, mergedInto, at } = found;
    return [
      {
        id: pointId,
        caseId,
        step,
        part,
        text: found.text,
        who,
        when,
        device,
        status,
        mergedInto,
        at,
      },
    ];
  });
  // A source gone from the room meanwhile: the merge is not what the authors agreed to.
  if (sources.length !== merge.sources.length) return;
  const written = mergePoints(sources, { id: merge.id, at: merge.at, text }).map((point) =>
    // A sealed original is kept under the agreed words: its own never reach the board.
    sealed.has(point.id) ? { ...point, text } : point,
  );
  doc.transact(() => {
    writeRolePoints(doc, written);
    for (const id of merge.sources) if (sealed.has(id)) decide(doc, id, 'published', now);
  });
}
