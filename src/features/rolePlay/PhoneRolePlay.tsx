import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findCase } from '../../content/library';
import type { RolePlayCase } from '../../content/schema';
import {
  STEP_PARTS,
  withWhoAndWhen,
  type PointStep,
  type RolePlayRun,
  type StepPart,
} from '../../domain/rolePlay';
import { CARD_TEXT_MAX_CHARS } from '../../sync/limits';
import { joinCast, removeFromCast } from '../../sync/rolePlay/rolePlayOperations';
import { ActivityGate } from '../care/ActivityGate';
import { sendPoint, type PhoneSide } from '../../sync/privateLayer/sealedOperations';
import { rememberOwnPoint } from '../../sync/privateLayer/ownWords';
import {
  useOwnSealedPoints,
  usePhoneSide,
  usePrivateLayer,
  useProposals,
} from '../timeline/usePrivateCards';
import type { IdentifyingDetail } from '../../domain/identifiability';
import {
  IdentifyingWarning,
  PrivacyNotice,
  ProposalAnswer,
  SharingChoiceField,
  useIdentifyingCheck,
  useNoticeRead,
} from '../timeline/PrivateCardParts';
import { DEFAULT_SHARING, type SharingChoice } from '../../domain/consent';
import type { RolePlaySnapshot } from '../../sync/rolePlay/rolePlayStore';
import { PointList } from '../common/PointList';
import { FallbackNote, useContentText, type ContentText } from '../common/ContentText';
import { useContentLibrary } from '../common/useContentLibrary';
import { partLabel, stageTitle } from './labels';
import './rolePlay.css';
import { useRoomDoc } from '../room/RoomContext';
import { PhoneActivityFrame } from '../room/PhoneActivityFrame';
import { useGroups } from '../room/useRoom';
import { GroupPicker } from '../common/GroupPicker';
import { recallGroup } from '../quiz/phoneGroup';
import { REGISTER_FIELD_MAX_CHARS } from '../../sync/limits';

type Props = { room: string; device: string; run: RolePlayRun; snapshot: RolePlaySnapshot };

/** A participant's phone in the role-play: their role card, then points for the step the group is on. */
export default function PhoneRolePlay({ room, device, run, snapshot }: Props) {
  const doc = useRoomDoc();
  const phone = usePhoneSide(room, device);
  const { t, i18n } = useTranslation();
  const library = useContentLibrary();
  const found = findCase(library, run.caseId, i18n.language);
  const content = useContentText(found);
  // In a room with working groups, each group holds its own meeting: the phone names its group.
  const groups = useGroups();
  const [groupId, setGroupId] = useState(() => recallGroup(room));
  if (found?.data.format !== 'roleplay') return null;
  const rolePlay = found.data;
  const me = snapshot.cast.items.find((m) => m.device === device);
  const group = groups.find((g) => g.id === groupId)?.id ?? null;
  const choosing = groups.length > 0;
  return (
    <PhoneActivityFrame
      className="phone-tool phone-role-play"
      title={rolePlay.title}
      titleAttrs={content.attrs}
    >
      <FallbackNote origin={found} />
      <ActivityGate
        activity={`roleplay/${rolePlay.id}`}
        pass="observe"
        note={rolePlay.contentNote}
        origin={found}
        observing={t('care.passRole')}
        // Out of the cast: the facilitator gives no role to a person who observes.
        onPass={() => removeFromCast(doc, device)}
      >
        {choosing && (
          <GroupPicker
            room={room}
            groups={groups}
            groupId={groupId}
            onChange={(chosen) => {
              setGroupId(chosen);
              if (me) joinCast(doc, device, chosen);
            }}
          />
        )}
        {me ? (
          <RoleCard rolePlay={rolePlay} number={me.number} roleId={me.roleId} content={content} />
        ) : (
          <button
            type="button"
            className="button--primary"
            disabled={choosing && group === null}
            onClick={() => joinCast(doc, device, group)}
          >
            {t('rolePlay.takePart')}
          </button>
        )}
        {run.stage !== 'setup' && (
          <StepInput phone={phone} rolePlay={rolePlay} step={run.stage} content={content} />
        )}
      </ActivityGate>
      <MyPoints snapshot={snapshot} phone={phone} caseId={rolePlay.id} />
    </PhoneActivityFrame>
  );
}

type CardProps = {
  rolePlay: RolePlayCase;
  number: number;
  roleId: string | null;
  content: ContentText;
};

function RoleCard({ rolePlay, number, roleId, content }: CardProps) {
  const { t } = useTranslation();
  const role = rolePlay.roles.find((r) => r.id === roleId);
  return (
    <article className="role-card" aria-labelledby="role-card-heading">
      <p className="role-card__person">{t('rolePlay.youArePerson', { number })}</p>
      {role ? (
        <>
          <h3 id="role-card-heading">
            {t('rolePlay.yourRole', { role: content.inline(role.name) })}
          </h3>
          <p {...content.attrs}>{role.brief}</p>
        </>
      ) : (
        <h3 id="role-card-heading">{t('rolePlay.waitingForRole')}</h3>
      )}
      <details>
        <summary>{t('case.story')}</summary>
        <p {...content.attrs}>{rolePlay.story}</p>
      </details>
    </article>
  );
}

type StepProps = {
  phone: PhoneSide & { missingKey: boolean };
  rolePlay: RolePlayCase;
  step: PointStep;
  content: ContentText;
};

function StepInput({ phone, rolePlay, step, content }: StepProps) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const parts = STEP_PARTS[step];
  const [part, setPart] = useState<StepPart>(parts[0]);
  const [text, setText] = useState('');
  const [who, setWho] = useState('');
  const [when, setWhen] = useState('');
  const [choice, setChoice] = useState<SharingChoice>(DEFAULT_SHARING);
  const [warning, setWarning] = useState<IdentifyingDetail[] | null>(null);
  const [noticeRead, markNoticeRead] = useNoticeRead(phone.room);
  const identifying = useIdentifyingCheck();
  const textId = useId();
  const choiceName = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const send = () => {
    setWarning(null);
    // Sealed to the facilitator unless it is for the room of an open-wall room (sendPoint).
    const point = { caseId: rolePlay.id, step, part: current, text, who, when, choice };
    void sendPoint(doc, phone, point)
      .then(({ point: sent, sealed }) => {
        if (sealed) rememberOwnPoint(phone.room, sent);
        setText('');
        setWho('');
        setWhen('');
        setChoice(DEFAULT_SHARING);
        setProblem(null);
      })
      .catch(() =>
        setProblem(t(phone.missingKey ? 'privateLayer.noConsoleKey' : 'privateLayer.notSent')),
      );
  };
  const current: StepPart = (parts as readonly StepPart[]).includes(part) ? part : parts[0];
  const prompts = rolePlay.steps.find((s) => s.id === step)?.prompts ?? [];
  // Before a person's first card or point: who will see it, and that they may write nothing.
  if (!noticeRead) return <PrivacyNotice onRead={markNoticeRead} writing="point" />;
  return (
    <form
      className="phone-role-play__step"
      aria-labelledby="phone-step-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') return;
        // "Could this identify someone?": a gentle warning, never a block (who and when included).
        const details = identifying([text, who, when].filter(Boolean).join('\n'));
        if (details.length > 0) setWarning(details);
        else send();
      }}
    >
      <h3 id="phone-step-heading">
        {t('rolePlay.nowStep', { step: content.inline(stageTitle(t, rolePlay, step)) })}
      </h3>
      {step !== 'register' && (
        <div {...content.attrs}>
          <PointList points={prompts} />
        </div>
      )}
      <label className="field">
        <span>{t('rolePlay.pointAbout')}</span>
        <select value={current} onChange={(event) => setPart(event.target.value as StepPart)}>
          {parts.map((p) => (
            <option key={p} value={p}>
              {partLabel(t, p)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('rolePlay.yourPoint')}</span>
        <textarea
          id={textId}
          rows={2}
          maxLength={CARD_TEXT_MAX_CHARS}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setWarning(null);
          }}
        />
      </label>
      {current === 'actions' && (
        <>
          <label className="field">
            <span>{t('rolePlay.who')}</span>
            <input
              value={who}
              maxLength={REGISTER_FIELD_MAX_CHARS}
              onChange={(event) => setWho(event.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('rolePlay.when')}</span>
            <input
              value={when}
              maxLength={REGISTER_FIELD_MAX_CHARS}
              onChange={(event) => setWhen(event.target.value)}
            />
          </label>
        </>
      )}
      <SharingChoiceField name={choiceName} value={choice} onChange={setChoice} writing="point" />
      {problem && <p role="alert">{problem}</p>}
      {warning ? (
        <IdentifyingWarning
          details={warning}
          onKeep={send}
          onEdit={() => {
            setWarning(null);
            document.getElementById(textId)?.focus();
          }}
        />
      ) : (
        <button type="submit" className="button--primary">
          {t('rolePlay.send')}
        </button>
      )}
    </form>
  );
}

function MyPoints({
  snapshot,
  phone,
  caseId,
}: {
  snapshot: RolePlaySnapshot;
  phone: PhoneSide;
  caseId: string;
}) {
  const { t } = useTranslation();
  const onBoard = snapshot.points.items.filter(
    (p) => p.device === phone.device && p.caseId === caseId,
  );
  const board = new Map(onBoard.map((p) => [p.id, p]));
  // This phone's sealed points, in its own words; once on the board, as the board shows them.
  const sealed = useOwnSealedPoints(phone.room).filter((p) => p.caseId === caseId);
  const sealedIds = new Set(sealed.map((p) => p.id));
  const kept = usePrivateLayer().decisions;
  const proposals = useProposals(phone);
  const mine = [
    ...onBoard.filter((p) => !sealedIds.has(p.id)).map((p) => ({ point: p, choice: null })),
    ...sealed.map((p) => {
      const shown = board.get(p.id);
      if (shown) return { point: shown, choice: p.choice };
      const declined = kept.get(p.id)?.state === 'private';
      return { point: declined ? { ...p, status: 'declined' as const } : p, choice: p.choice };
    }),
  ].sort((a, b) => a.point.at - b.point.at);
  if (mine.length === 0) return null;
  return (
    <>
      <h3>{t('rolePlay.yourPoints')}</h3>
      <ul className="thoughts" aria-label={t('rolePlay.yourPoints')}>
        {mine.map(({ point, choice }) => {
          const proposal = proposals.find((p) => p.reply.about === point.id);
          return (
            <li key={point.id}>
              <span dir="auto">{withWhoAndWhen(point)}</span>{' '}
              <span className="tag">
                {choice === 'counted'
                  ? t('privateWords.pointStateCounted')
                  : choice === 'facilitator'
                    ? t('privateWords.pointStateFacilitator')
                    : t(`rolePlay.status.${point.status}`)}
              </span>
              {proposal && (
                <ProposalAnswer
                  phone={phone}
                  proposal={proposal}
                  heading={t('privateWords.pointProposal')}
                />
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
