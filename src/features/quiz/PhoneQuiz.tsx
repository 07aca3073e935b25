import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findCase } from '../../content/library';
import type { QuizCase } from '../../content/schema';
import { acceptsAnswers, latestPerGroup } from '../../domain/quiz';
import { ANSWER_JUSTIFICATION_MAX_CHARS } from '../../sync/limits';
import { sendAnswer } from '../../sync/privateLayer/sealedReasons';
import { rememberOwnReason } from '../../sync/privateLayer/ownWords';
import type { PhoneSide } from '../../sync/privateLayer/sealedOperations';
import { ProposalAnswer } from '../timeline/PrivateCardParts';
import { useOwnSealedReasons, usePhoneSide, useProposals } from '../timeline/usePrivateCards';
import type { QuizSnapshot } from '../../sync/quiz/quizStore';
import { FallbackNote, useContentText, type ContentText } from '../common/ContentText';
import { useContentLibrary } from '../common/useContentLibrary';
import { recallGroup } from './phoneGroup';
import { GroupPicker } from '../common/GroupPicker';
import { useRoomDoc } from '../room/RoomContext';
import { PhoneActivityFrame } from '../room/PhoneActivityFrame';
import { ActivityGate } from '../care/ActivityGate';

type Props = { room: string; device: string; snapshot: QuizSnapshot };

/** A group member's phone: pick the group once, then answer each open situation for it. */
export default function PhoneQuiz({ room, device, snapshot }: Props) {
  const { t, i18n } = useTranslation();
  const library = useContentLibrary();
  const [groupId, setGroupId] = useState(() => recallGroup(room));
  const phone = usePhoneSide(room, device);
  const run = snapshot.run;
  const found = run ? findCase(library, run.caseId, i18n.language) : undefined;
  const content = useContentText(found);
  if (!run || found?.data.format !== 'quiz') return null;
  const quizCase = found.data;
  const groups = snapshot.groups.items;
  const group = groups.find((g) => g.id === groupId);
  const live = run.situations.filter((id) => run.open.includes(id) || run.revealed.includes(id));
  return (
    <PhoneActivityFrame
      className="phone-tool phone-quiz"
      title={quizCase.title}
      titleAttrs={content.attrs}
    >
      <FallbackNote origin={found} />
      <ActivityGate
        activity={`quiz/${run.caseId}`}
        pass="answer"
        note={quizCase.contentNote}
        origin={found}
      >
        <GroupPicker room={room} groups={groups} groupId={groupId} onChange={setGroupId} />
        {group && live.length === 0 && <p className="note">{t('phoneQuiz.waiting')}</p>}
        {group &&
          live.map((id) =>
            acceptsAnswers(run, id) ? (
              <SituationAnswer
                key={`${id}/${group.id}`}
                phone={phone}
                quizCase={quizCase}
                situationId={id}
                groupId={group.id}
                snapshot={snapshot}
                content={content}
              />
            ) : (
              <p key={id} className="note">
                {t('phoneQuiz.revealed', { id })}
              </p>
            ),
          )}
        {group && (
          <ReasonProposals
            phone={phone}
            snapshot={snapshot}
            caseId={run.caseId}
            groupId={group.id}
          />
        )}
      </ActivityGate>
    </PhoneActivityFrame>
  );
}

type AnswerProps = {
  phone: PhoneSide & { missingKey: boolean };
  quizCase: QuizCase;
  situationId: string;
  groupId: string;
  snapshot: QuizSnapshot;
  content: ContentText;
};

function SituationAnswer(props: AnswerProps) {
  const { phone, quizCase, situationId, groupId, snapshot, content } = props;
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const ownReasons = useOwnSealedReasons(phone.room);
  const [problem, setProblem] = useState<string | null>(null);
  const situation = quizCase.situations.find((s) => s.id === situationId);
  const current = latestPerGroup(
    snapshot.answers.items.filter(
      (a) => a.caseId === quizCase.id && a.situationId === situationId && a.groupId === groupId,
    ),
  )[0];
  const [draft, setOption] = useState('');
  // Until this phone picks, it shows the group's answer (also after a reload, once synced).
  const option = draft || current?.option || '';
  const [why, setWhy] = useState(current?.justification ?? '');
  if (!situation) return null;
  const name = `answer-${situationId}`;
  // A published reason as the room sees it; a sealed one in this phone's own words, or only said to be sealed.
  const own = current?.reason ? ownReasons.find((r) => r.id === current.reason) : undefined;
  const reasonShown =
    current?.justification ||
    (own
      ? t('privateWords.ownReason', { text: own.text })
      : current?.reason
        ? t('privateWords.reasonSealed')
        : '');

  return (
    <form
      className="phone-quiz__situation"
      aria-label={t('case.situation', { id: situationId })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!option) return;
        // The option is counted openly; the reason goes to the facilitator sealed (sendAnswer).
        void sendAnswer(doc, phone, {
          caseId: quizCase.id,
          situationId,
          groupId,
          option,
          justification: why,
        })
          .then(({ sealed }) => {
            if (sealed) rememberOwnReason(phone.room, sealed);
            setProblem(null);
          })
          .catch(() =>
            setProblem(t(phone.missingKey ? 'privateLayer.noConsoleKey' : 'privateWords.notSent')),
          );
      }}
    >
      <h3>{t('case.situation', { id: situationId })}</h3>
      <blockquote {...content.attrs}>{situation.text}</blockquote>
      <fieldset>
        <legend>{t('case.options')}</legend>
        {quizCase.options.map((o) => (
          <label key={o.key} className="phone-quiz__option">
            <input
              type="radio"
              name={name}
              value={o.key}
              checked={option === o.key}
              onChange={() => setOption(o.key)}
            />
            <strong>{o.key}</strong> <bdi {...content.attrs}>{o.label}</bdi>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('phoneQuiz.why')}</span>
        <textarea
          rows={2}
          maxLength={ANSWER_JUSTIFICATION_MAX_CHARS}
          value={why}
          onChange={(event) => setWhy(event.target.value)}
        />
        <small>{t('privateWords.reasonHint')}</small>
      </label>
      {problem && <p role="alert">{problem}</p>}
      <button type="submit" className="button--primary" disabled={!option}>
        {t('phoneQuiz.send')}
      </button>
      {current && (
        <p role="status" className="phone-quiz__current">
          {t('phoneQuiz.groupAnswer', { option: current.option })}
          {reasonShown && ` · ${reasonShown}`}
        </p>
      )}
    </form>
  );
}

/**
 * The facilitator asks to reword a reason this phone sealed: asked here, also
 * once the situation is revealed (the reveal shows the reason only once agreed).
 */
function ReasonProposals(props: {
  phone: PhoneSide;
  snapshot: QuizSnapshot;
  caseId: string;
  groupId: string;
}) {
  const { phone, snapshot, caseId, groupId } = props;
  const { t } = useTranslation();
  const proposals = useProposals(phone);
  const reasons = new Set(
    snapshot.answers.items
      .filter((a) => a.caseId === caseId && a.groupId === groupId && a.reason)
      .map((a) => a.reason),
  );
  return proposals
    .filter((proposal) => reasons.has(proposal.reply.about))
    .map((proposal) => (
      <ProposalAnswer
        key={proposal.reply.id}
        phone={phone}
        proposal={proposal}
        heading={t('privateWords.reasonProposalPhone')}
      />
    ));
}
