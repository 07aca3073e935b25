import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readTimetable, type TimetableWords } from '../../domain/paper';
import { PLAN_NAME_MAX_CHARS, PLAN_TEXT_MAX_CHARS } from '../../domain/planSchema';
import type { PlanThreat } from '../../domain/planSchema';
import { addPaperMeasure } from '../../sync/plan/planOperations';
import { useRoomDoc } from '../room/RoomContext';
import { submitOnEnterInSelect } from '../common/submitOnEnter';

type Props = { threats: readonly PlanThreat[] };

const WORD_LISTS = ['within', 'every', 'weekly', 'monthly', 'week', 'month', 'one'] as const;
/** The date a "by when" example shows, in the language's own way of writing dates. */
const EXAMPLE_DATE = new Date(Date.UTC(2027, 2, 31, 12));

/** Whether the language writes the day before the month (31/3/2027) or after (3/31/2027). */
function writesDayFirst(language: string): boolean {
  const parts = new Intl.DateTimeFormat(language, { timeZone: 'UTC' }).formatToParts(EXAMPLE_DATE);
  return (
    parts.findIndex((p) => p.type === 'day') < parts.findIndex((p) => p.type === 'month') ||
    !parts.some((p) => p.type === 'day')
  );
}

/**
 * Rows of a plan table drafted on paper, keyed in: threat, measure, who, by
 * when, Enter for the next. The threat, who and by when stay set, since a
 * group's rows share them; each row is marked as from paper, under no device.
 * A "by when" this entry cannot read stops the row with a message, never guessed or dropped.
 */
export function PaperMeasures({ threats }: Props) {
  const doc = useRoomDoc();
  const { t, i18n } = useTranslation();
  const [threatId, setThreatId] = useState('');
  const [text, setText] = useState('');
  const [who, setWho] = useState('');
  const [byWhen, setByWhen] = useState('');
  const [unread, setUnread] = useState<string | null>(null);
  const [entered, setEntered] = useState<string[]>([]);
  const measureField = useRef<HTMLInputElement>(null);
  const byWhenField = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();
  const threat = threats.find((th) => th.id === threatId) ?? null;
  const words = Object.fromEntries(
    WORD_LISTS.map((list) => [list, t(`paper.words.${list}`).toLowerCase().split('|')]),
  ) as Record<(typeof WORD_LISTS)[number], string[]> satisfies TimetableWords;
  const example = new Intl.DateTimeFormat(i18n.language, { timeZone: 'UTC' }).format(EXAMPLE_DATE);
  return (
    <form
      className="paper-entry"
      aria-label={t('paper.measuresHeading')}
      onKeyDown={submitOnEnterInSelect}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') return;
        const reading = readTimetable(byWhen, words, writesDayFirst(i18n.language));
        if (!reading.ok) {
          setUnread(reading.text);
          byWhenField.current?.focus();
          return;
        }
        const measure = addPaperMeasure(doc, {
          threatId: threat?.id ?? null,
          text,
          responsibility: who,
          timetable: reading.timetable,
        });
        setUnread(null);
        setEntered((list) => [...list, measure.text]);
        setText('');
        measureField.current?.focus();
      }}
    >
      <h3>{t('paper.measuresHeading')}</h3>
      <p className="hint">{t('paper.measuresHint')}</p>
      <label>
        {t('paper.threat')}
        <select value={threat?.id ?? ''} onChange={(event) => setThreatId(event.target.value)}>
          <option value="">{t('plan.notPlaced')}</option>
          {threats.map((th) => (
            <option key={th.id} value={th.id}>
              {th.text}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('paper.measureText')}
        <input
          ref={measureField}
          dir="auto"
          value={text}
          maxLength={PLAN_TEXT_MAX_CHARS}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <label>
        {t('paper.who')}
        <input
          dir="auto"
          value={who}
          maxLength={PLAN_NAME_MAX_CHARS}
          onChange={(event) => setWho(event.target.value)}
        />
      </label>
      <label>
        {t('paper.byWhen')}
        <input
          ref={byWhenField}
          dir="auto"
          value={byWhen}
          maxLength={PLAN_NAME_MAX_CHARS}
          aria-describedby={unread === null ? hintId : `${errorId} ${hintId}`}
          aria-invalid={unread !== null}
          onChange={(event) => {
            setByWhen(event.target.value);
            setUnread(null);
          }}
        />
      </label>
      <button type="submit">{t('paper.addMeasure')}</button>
      <p className="hint" id={hintId}>
        {t('paper.byWhenHint', { example })}
      </p>
      {unread !== null && (
        <p role="alert" className="note" id={errorId}>
          {t('paper.byWhenUnread', { text: unread })}
        </p>
      )}
      <p role="status">
        {entered.length > 0 &&
          t('paper.measuresEntered', { count: entered.length, last: entered.at(-1) ?? '' })}
      </p>
    </form>
  );
}
