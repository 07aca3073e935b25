import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paperDevice } from '../../domain/paper';
import { useRoomDoc } from '../room/RoomContext';
import { submitOnEnterInSelect } from '../common/submitOnEnter';
import { randomToken } from '../../sync/roomId';
import { CARD_TEXT_MAX_CHARS } from '../../sync/limits';
import { addIncidentCard, changeIncidentCard } from '../../sync/timeline/cardOperations';
import { SEVERITIES, type Severity } from '../../sync/roomSchema';
import { monthLabel } from './useCardDrag';

type Props = { months: readonly string[] };

/**
 * Cards written on paper, keyed in fast: the text, its colour, its month, Enter
 * for the next. Colour and month stay as they were, since paper cards come in
 * piles; each card is the facilitator's entry, under no participant's device.
 */
export function PaperCards({ months }: Props) {
  const doc = useRoomDoc();
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState<Severity>('red');
  const [month, setMonth] = useState('');
  const [entered, setEntered] = useState<string[]>([]);
  const textField = useRef<HTMLInputElement>(null);
  return (
    <form
      className="paper-entry"
      aria-label={t('paper.cardsHeading')}
      onKeyDown={submitOnEnterInSelect}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') return;
        const card = addIncidentCard(
          doc,
          paperDevice(() => randomToken(9)),
          {
            text,
            severity,
            author: null,
          },
        );
        if (month) changeIncidentCard(doc, card.id, { month });
        setEntered((list) => [...list, card.text]);
        setText('');
        textField.current?.focus();
      }}
    >
      <h3>{t('paper.cardsHeading')}</h3>
      <p className="hint">{t('paper.cardsHint')}</p>
      <label>
        {t('paper.cardText')}
        <input
          ref={textField}
          value={text}
          maxLength={CARD_TEXT_MAX_CHARS}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <label>
        {t('paper.colour')}
        <select
          value={severity}
          onChange={(event) =>
            setSeverity(SEVERITIES.find((s) => s === event.target.value) ?? 'red')
          }
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('paper.month')}
        <select value={month} onChange={(event) => setMonth(event.target.value)}>
          <option value="">{t('timeline.notPlaced')}</option>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m, i18n.language, 'long')}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('paper.addCard')}</button>
      <p role="status">
        {entered.length > 0 &&
          t('paper.cardsEntered', { count: entered.length, last: entered.at(-1) ?? '' })}
      </p>
    </form>
  );
}
