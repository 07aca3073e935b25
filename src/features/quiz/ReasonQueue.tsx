import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizCase } from '../../content/schema';
import { moderationQueue } from '../../domain/consent';
import { ANSWER_JUSTIFICATION_MAX_CHARS } from '../../sync/limits';
import { proposeEdit } from '../../sync/privateLayer/sealedOperations';
import {
  keepReasonPrivate,
  openSealedReasons,
  publishedReasonIds,
  publishReason,
  type OpenedReason,
} from '../../sync/privateLayer/sealedReasons';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { useRoomDoc } from '../room/RoomContext';
import { ModerationActions } from '../timeline/ModerationQueue';
import { useFacilitatorBox, useOwnProposals, usePrivateLayer } from '../timeline/usePrivateCards';
import { groupName } from './groupName';
import { useQuiz } from './useQuiz';

/**
 * The reasons groups' phones sealed to this laptop, opened here only: each
 * waits for the facilitator to publish it (the reveal shows it from then on),
 * keep it private, or reword it with its author's agreement. Only the reason
 * of a group's current answer is asked about; the options are counted openly.
 */
export function ReasonQueue({ quizCase }: { quizCase: QuizCase }) {
  const { t } = useTranslation();
  const doc = useRoomDoc();
  const room = useConsoleRoom()?.room ?? null;
  const box = useFacilitatorBox(room);
  const layer = usePrivateLayer();
  const snapshot = useQuiz();
  const asked = useOwnProposals(box, room);
  const cache = useMemo(() => new Map<string, OpenedReason | null>(), []);
  const [opened, setOpened] = useState<OpenedReason[]>([]);
  const headingId = useId();
  useEffect(() => {
    if (!box || !room) return;
    let live = true;
    // Authors' answers are settled by the console's watcher (privateLayer/answerWatcher.ts).
    void openSealedReasons(doc, box, room, cache).then((reasons) => {
      if (live) setOpened(reasons);
    });
    return () => {
      live = false;
    };
  }, [doc, box, room, cache, layer, snapshot]);
  const answers = snapshot.answers.items.filter((a) => a.caseId === quizCase.id);
  const currentIds = new Set(answers.flatMap((a) => (a.reason ? [a.reason] : [])));
  const current = opened.filter((r) => r.caseId === quizCase.id && currentIds.has(r.id));
  const queue = moderationQueue(current, layer.decisions, publishedReasonIds(answers));
  const groups = new Map(snapshot.groups.items.map((g) => [g.id, g]));
  const label = (reason: OpenedReason) => {
    const group = groups.get(reason.groupId);
    return t('privateWords.reasonOf', {
      group: group ? groupName(t, group) : '…',
      id: reason.situationId,
      option: reason.option,
    });
  };
  if (current.length === 0) return null;
  return (
    <section className="moderation reason-queue" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('privateWords.reasonsHeading', { count: queue.waiting.length })}</h3>
      <p className="hint">{t('privateWords.reasonsIntro')}</p>
      <ul className="moderation__cards">
        {queue.waiting.map((reason) => (
          <li
            key={reason.id}
            className="card"
            aria-label={t('privateWords.reasonCard', { text: reason.text })}
          >
            <p className="card__severity">{label(reason)}</p>
            <p className="card__text" dir="auto">
              {reason.text}
            </p>
            {layer.decisions.get(reason.id)?.state === 'declined' && (
              <p className="note">{t('privateLayer.declined')}</p>
            )}
            <ModerationActions
              text={reason.text}
              maxLength={ANSWER_JUSTIFICATION_MAX_CHARS}
              proposalLabel={t('privateWords.reasonProposal')}
              onPublish={() => publishReason(doc, reason)}
              onKeepPrivate={() => keepReasonPrivate(doc, reason)}
              onPropose={
                box && room ? (text) => proposeEdit(doc, box, room, reason, text) : undefined
              }
            />
          </li>
        ))}
      </ul>
      {queue.waiting.length === 0 && <p>{t('privateWords.reasonsEmpty')}</p>}
      <ReasonList
        heading={t('privateLayer.proposedHeading', { count: queue.proposed.length })}
        reasons={queue.proposed}
        label={label}
        asked={asked}
      />
      <ReasonList
        heading={t('privateWords.reasonsShown', { count: queue.published.length })}
        reasons={queue.published}
        label={label}
        shown={new Map(answers.map((a) => [a.reason ?? '', a.justification]))}
      />
      <ReasonList
        heading={t('privateLayer.heldHeading', { count: queue.held.length })}
        reasons={queue.held}
        label={label}
      />
    </section>
  );
}

function ReasonList({
  heading,
  reasons,
  label,
  asked,
  shown,
}: {
  heading: string;
  reasons: OpenedReason[];
  label: (reason: OpenedReason) => string;
  asked?: ReadonlyMap<string, string>;
  shown?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  if (reasons.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{heading}</h4>
      <ul className="moderation__cards">
        {reasons.map((reason) => {
          const proposed = asked?.get(reason.id);
          return (
            <li key={reason.id} className="card">
              <p className="card__severity">{label(reason)}</p>
              <p className="card__text" dir="auto">
                {shown?.get(reason.id) ?? reason.text}
              </p>
              {proposed !== undefined && (
                <p className="note" dir="auto">
                  {t('privateWords.askedWording', { text: proposed })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
