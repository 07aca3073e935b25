import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RolePlayCase } from '../../content/schema';
import {
  STEP_PARTS,
  acceptPoint,
  agreed,
  declinePoint,
  proposed,
  withWhoAndWhen,
  type RolePoint,
  type StepPart,
} from '../../domain/rolePlay';
import type { SharingChoice } from '../../domain/consent';
import { CARD_TEXT_MAX_CHARS } from '../../sync/limits';
import { addRolePoint } from '../../sync/rolePlay/rolePlayOperations';
import { usePointModerationContext, usePointWriter } from './useSealedPoints';
import { partLabel } from './labels';
import { PointList } from '../common/PointList';
import { useRoomDoc } from '../room/RoomContext';
import { REGISTER_FIELD_MAX_CHARS } from '../../sync/limits';

type Step = 'analyse' | 'react' | 'conclusion';
type Props = { rolePlay: RolePlayCase; step: Step; points: RolePoint[] };

/** A step's parts: what the group agreed, and what phones propose, to accept, edit, merge or decline. */
export function RolePlayPoints({ rolePlay, step, points }: Props) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string[]>([]);
  const { merge } = usePointModerationContext();
  const prompts = rolePlay.steps.find((s) => s.id === step)?.prompts ?? [rolePlay.conclusion];
  const chosen = points.filter((p) => selected.includes(p.id));
  const samePart = new Set(chosen.map((p) => p.part)).size === 1;
  const toggle = (id: string, on: boolean) =>
    setSelected((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  return (
    <div className="role-play__panel">
      <PointList points={prompts} />
      {STEP_PARTS[step].map((part) => (
        <PartBlock
          key={part}
          caseId={rolePlay.id}
          step={step}
          part={part}
          points={points}
          selected={selected}
          onSelect={toggle}
        />
      ))}
      <div className="tool-actions">
        <button
          type="button"
          disabled={chosen.length < 2 || !samePart}
          onClick={() => {
            // Points phones sealed are merged only once their authors agree (mergedPoints.ts).
            void merge(doc, chosen);
            setSelected([]);
          }}
        >
          {t('rolePlay.merge', { count: chosen.length })}
        </button>
        {chosen.length > 1 && !samePart && <p className="note">{t('rolePlay.mergeSamePart')}</p>}
      </div>
    </div>
  );
}

type PartProps = {
  caseId: string;
  step: Step;
  part: StepPart;
  points: RolePoint[];
  selected: string[];
  onSelect: (id: string, on: boolean) => void;
};

function PartBlock({ caseId, step, part, points, selected, onSelect }: PartProps) {
  const doc = useRoomDoc();
  const writePoints = usePointWriter();
  const { choices } = usePointModerationContext();
  const { t } = useTranslation();
  const label = partLabel(t, part);
  const done = agreed(points, step, part);
  const incoming = proposed(points).filter((p) => p.step === step && p.part === part);
  return (
    <section className="role-play__part" aria-label={label}>
      <h3>{label}</h3>
      {done.length > 0 && (
        <ul className="role-play__agreed" aria-label={t('rolePlay.agreed', { part: label })}>
          {done.map((point) => (
            <AgreedPoint
              key={point.id}
              point={point}
              selected={selected.includes(point.id)}
              onSelect={onSelect}
            />
          ))}
        </ul>
      )}
      {incoming.length > 0 && (
        <ul className="role-play__incoming" aria-label={t('rolePlay.proposed', { part: label })}>
          {incoming.map((point) => (
            <li key={point.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={selected.includes(point.id)}
                  onChange={(event) => onSelect(point.id, event.target.checked)}
                />
                <span dir="auto">{withWhoAndWhen(point)}</span>
              </label>
              <ChoiceTag choice={choices.get(point.id)} />
              <button type="button" onClick={() => writePoints(doc, [acceptPoint(point)])}>
                {t('rolePlay.accept')}
              </button>
              <button type="button" onClick={() => writePoints(doc, [declinePoint(point)])}>
                {t('rolePlay.decline')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddPoint
        label={t('rolePlay.addOwn', { part: label })}
        withWho={part === 'actions'}
        onAdd={(text, who, when) =>
          addRolePoint(doc, { caseId, step, part, text, who, when, device: 'console' })
        }
      />
    </section>
  );
}

type AgreedProps = {
  point: RolePoint;
  selected: boolean;
  onSelect: (id: string, on: boolean) => void;
};

function AgreedPoint({ point, selected, onSelect }: AgreedProps) {
  const doc = useRoomDoc();
  const moderation = usePointModerationContext();
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  // A phone's sealed point is reworded only with its author's agreement; the console's own directly.
  const askAuthor = moderation.reword(point);
  const rewordable = askAuthor !== null || point.device === 'console';
  const asked = moderation.asked.get(point.id);
  if (draft !== null) {
    return (
      <li>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim() === '') return;
            if (askAuthor) void askAuthor(draft).then(() => setDraft(null));
            else {
              moderation.write(doc, [acceptPoint(point, draft)]);
              setDraft(null);
            }
          }}
        >
          <label className="field">
            <span>{t('rolePlay.editLabel')}</span>
            <input
              value={draft}
              maxLength={CARD_TEXT_MAX_CHARS}
              onChange={(event) => setDraft(event.target.value)}
            />
          </label>
          {askAuthor && <p className="hint">{t('privateWords.askAuthorHint')}</p>}
          <button type="submit">
            {askAuthor ? t('privateWords.askAuthor') : t('rolePlay.save')}
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            {t('rolePlay.cancel')}
          </button>
        </form>
      </li>
    );
  }
  return (
    <li>
      <label className="check">
        <input
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect(point.id, event.target.checked)}
        />
        <span dir="auto">{withWhoAndWhen(point)}</span>
      </label>
      <ChoiceTag choice={moderation.choices.get(point.id)} />
      {asked !== undefined && (
        <p className="note" role="status">
          {t('privateWords.askedAuthor', { text: asked })}
        </p>
      )}
      {rewordable && asked === undefined && (
        <button type="button" onClick={() => setDraft(point.text)}>
          {t('rolePlay.edit')}
        </button>
      )}
      <button type="button" onClick={() => moderation.write(doc, [declinePoint(point)])}>
        {t('common.remove')}
      </button>
    </li>
  );
}

/** Who the point's author let see it, as they chose on their phone. */
function ChoiceTag({ choice }: { choice: SharingChoice | undefined }) {
  const { t } = useTranslation();
  if (!choice) return null;
  return <span className="tag">{t(`privateLayer.choice.${choice}`)}</span>;
}

type AddProps = {
  label: string;
  withWho: boolean;
  onAdd: (text: string, who: string, when: string) => void;
};

/** A point typed by whoever holds the device: the facilitator, or a phone. */
export function AddPoint({ label, withWho, onAdd }: AddProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [who, setWho] = useState('');
  const [when, setWhen] = useState('');
  return (
    <form
      className="role-play__add"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') return;
        onAdd(text, who, when);
        setText('');
        setWho('');
        setWhen('');
      }}
    >
      <label className="field">
        <span>{label}</span>
        <input
          value={text}
          maxLength={CARD_TEXT_MAX_CHARS}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {withWho && (
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
      <button type="submit">{t('rolePlay.add')}</button>
    </form>
  );
}
