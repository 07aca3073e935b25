import { DndContext, useDraggable, useDroppable, type DragEndEvent } from '@dnd-kit/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomDoc } from '../room/RoomContext';
import { wallMonths } from '../../domain/timeline';
import { CARD_TEXT_MAX_CHARS } from '../../sync/limits';
import { changeIncidentCard, withdrawIncidentCard } from '../../sync/timeline/cardOperations';
import type { IncidentCard, Severity } from '../../sync/roomSchema';
import { monthLabel, useCardDrag } from './useCardDrag';
import { useWallSettings } from './useWall';
import { SeverityChoice } from '../common/SeverityChoice';
import { UnsentMark } from './UnsentMark';
import './timeline.css';

type Props = {
  cards: IncidentCard[];
  allCards: IncidentCard[];
  /** Those of `cards` the console does not hold yet: each is marked "not sent yet". */
  unsent?: ReadonlySet<string>;
};

/** A phone's own cards: placed on the year by drag and drop or by picking a month; edited or withdrawn. */
export default function PhoneCards({ cards, allCards, unsent }: Props) {
  const doc = useRoomDoc();
  const { t, i18n } = useTranslation();
  const wall = useWallSettings();
  const months = wallMonths(new Date(), wall.year);
  const label = (month: string) => monthLabel(month, i18n.language, 'long');
  const drag = useCardDrag({
    card: (id) => cards.find((c) => c.id === id)?.text ?? '',
    month: (id) => (id === 'unplaced' ? t('timeline.notPlaced') : label(id)),
  });
  const place = (id: string, month: string | null) => {
    if (!wall.locked) changeIncidentCard(doc, id, { month });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    place(String(active.id), over.id === 'unplaced' ? null : String(over.id));
  };
  return (
    <section className="phone-cards" aria-labelledby="phone-cards-heading">
      <h3 id="phone-cards-heading">{t('timeline.heading')}</h3>
      <p>{wall.locked ? t('timeline.locked') : t('timeline.hint')}</p>
      <DndContext
        sensors={drag.sensors}
        collisionDetection={drag.collisionDetection}
        accessibility={drag.accessibility}
        onDragEnd={onDragEnd}
      >
        <ol className="month-strip">
          {months.map((month) => (
            <MonthCell
              key={month}
              id={month}
              label={monthLabel(month, i18n.language)}
              fullLabel={label(month)}
              count={allCards.filter((c) => c.month === month && !c.hidden).length}
              disabled={wall.locked}
            />
          ))}
        </ol>
        <ul className="cards">
          {cards.map((card) => (
            <OwnCard
              key={card.id}
              card={card}
              months={months}
              locked={wall.locked}
              unsent={unsent?.has(card.id) ?? false}
              onPlace={(month) => place(card.id, month)}
            />
          ))}
        </ul>
      </DndContext>
    </section>
  );
}

function MonthCell(props: {
  id: string;
  label: string;
  fullLabel: string;
  count: number;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: props.id, disabled: props.disabled });
  return (
    <li
      ref={setNodeRef}
      className={`month-strip__month${isOver ? ' month-strip__month--over' : ''}`}
      aria-label={t('timeline.monthCell', { month: props.fullLabel, count: props.count })}
    >
      <span>{props.label}</span>
      <strong>{props.count}</strong>
    </li>
  );
}

type OwnCardProps = {
  card: IncidentCard;
  months: string[];
  locked: boolean;
  unsent: boolean;
  onPlace: (month: string | null) => void;
};

function OwnCard({ card, months, locked, unsent, onPlace }: OwnCardProps) {
  const doc = useRoomDoc();
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: card.id,
    disabled: locked || editing,
  });
  const style = transform
    ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` }
    : undefined;
  const options = card.month && !months.includes(card.month) ? [card.month, ...months] : months;
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`card severity--${card.severity}${isDragging ? ' card--dragging' : ''}${unsent ? ' card--unsent' : ''}`}
      data-card-id={card.id}
    >
      {editing ? (
        <CardEditor card={card} onDone={() => setEditing(false)} />
      ) : (
        <>
          <button
            type="button"
            className="card__handle"
            aria-label={t('timeline.dragHandle', { text: card.text })}
            disabled={locked}
            {...attributes}
            {...listeners}
          >
            <span aria-hidden="true">{'⠿'}</span>
          </button>
          <p className="card__text">{card.text}</p>
          <p className="card__severity">
            {t(`severity.${card.severity}`)}
            {card.reclassified && (
              <em>{` · ${t('timeline.reclassified', { severity: t(`severity.${card.severity}`) })}`}</em>
            )}
            {card.hidden && <em>{` · ${t('timeline.hiddenNote')}`}</em>}
          </p>
          {unsent && <UnsentMark />}
          <label className="card__month">
            {t('timeline.pickMonth', { text: card.text })}
            <select
              value={card.month ?? ''}
              disabled={locked}
              onChange={(event) => onPlace(event.target.value || null)}
            >
              <option value="">{t('timeline.notPlaced')}</option>
              {options.map((month) => (
                <option key={month} value={month}>
                  {monthLabel(month, i18n.language, 'long')}
                </option>
              ))}
            </select>
          </label>
          <div className="card__actions">
            <button type="button" onClick={() => setEditing(true)}>
              {t('timeline.edit')}
            </button>
            <button type="button" onClick={() => withdrawIncidentCard(doc, card.id)}>
              {t('phone.withdraw')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}

function CardEditor({ card, onDone }: { card: IncidentCard; onDone: () => void }) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [text, setText] = useState(card.text);
  const [severity, setSeverity] = useState<Severity>(card.severity);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') return;
        const change =
          severity === card.severity ? { text } : { text, severity, reclassified: false };
        changeIncidentCard(doc, card.id, change);
        onDone();
      }}
    >
      <label className="field">
        <span>{t('phone.cardText')}</span>
        <textarea
          value={text}
          maxLength={CARD_TEXT_MAX_CHARS}
          rows={3}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <SeverityChoice name={`severity-${card.id}`} value={severity} onChange={setSeverity} />
      <button type="submit" className="button--primary">
        {t('timeline.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('timeline.cancel')}
      </button>
    </form>
  );
}
