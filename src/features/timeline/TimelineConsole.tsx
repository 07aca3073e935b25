import type { DragEndEvent } from '@dnd-kit/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wallMonths, type Severity } from '../../domain/timeline';
import { PaperCards } from './PaperCards';
import type { TimelineCase } from '../../content/schema';
import {
  addInsight,
  changeIncidentCard,
  linkCards,
  removeInsight,
  setWallSettings,
  unlinkCards,
} from '../../sync/timeline/cardOperations';
import { SEVERITIES, type CardLink, type IncidentCard } from '../../sync/roomSchema';
import { RegisterCsvButton } from './RegisterCsvButton';
import { TimelineWall } from './TimelineWall';
import { draggedCardId } from './wallDrag';
import { monthLabel, useCardDrag } from './useCardDrag';
import { useTimeline } from './useTimeline';
import { useStage } from '../room/useRoom';
import { useWallSettings } from './useWall';
import { useRoomDoc } from '../room/RoomContext';
import { ShowOnProjectorButton } from '../common/ShowOnProjectorButton';
import { WallPdfButton } from './WallPdfButton';
import { CARD_TEXT_MAX_CHARS } from '../../sync/limits';
import { ModerationQueue } from './ModerationQueue';
import { usePrivateLayer } from './usePrivateCards';
import './timeline.css';

/** The facilitator's wall: move and reclassify cards, link them, note them, capture the insights. */
export function TimelineConsole({ timeline }: { timeline?: TimelineCase }) {
  const doc = useRoomDoc();
  const { t, i18n } = useTranslation();
  const { cards, links, insights } = useTimeline();
  const settings = useWallSettings();
  const shown = new Set<Severity>(settings.shown ?? SEVERITIES);
  const months = wallMonths(new Date(), settings.year);
  const drag = useCardDrag({
    card: (id) => cards.find((c) => c.id === id)?.text ?? '',
    month: (id) =>
      id === 'unplaced' ? t('timeline.notPlaced') : monthLabel(id, i18n.language, 'long'),
  });
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over)
      changeIncidentCard(doc, draggedCardId(active), {
        month: over.id === 'unplaced' ? null : String(over.id),
      });
  };
  const thisYear = new Date().getFullYear();
  const onProjector = useStage().kind === 'timeline';
  const { counted } = usePrivateLayer();
  return (
    <section className="timeline-console" aria-labelledby="timeline-console-heading">
      <h2 id="timeline-console-heading">{t('timeline.console')}</h2>
      <ModerationQueue />
      <div className="timeline-console__settings">
        <ShowOnProjectorButton
          kind="timeline"
          showing={onProjector}
          label={t('timeline.showWall')}
        />
        <label>
          <input
            type="checkbox"
            checked={settings.locked}
            onChange={(event) =>
              setWallSettings(doc, { ...settings, locked: event.target.checked })
            }
          />
          {t('timeline.lock')}
        </label>
        <label>
          {t('timeline.year')}
          <select
            value={settings.year ?? ''}
            onChange={(event) =>
              setWallSettings(doc, {
                ...settings,
                year: event.target.value ? Number(event.target.value) : null,
              })
            }
          >
            <option value="">{t('timeline.lastTwelve')}</option>
            {[thisYear, thisYear - 1, thisYear - 2].map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('timeline.filter')}</legend>
          {SEVERITIES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={shown.has(s)}
                onChange={(event) =>
                  setWallSettings(doc, {
                    ...settings,
                    shown: SEVERITIES.filter((x) =>
                      x === s ? event.target.checked : shown.has(x),
                    ),
                  })
                }
              />
              {t(`severity.${s}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <TimelineWall
        cards={cards}
        links={links}
        months={months}
        shown={shown}
        counted={counted}
        drag={{ ...drag, onDragEnd }}
        CardControls={CardControls}
      />
      <PaperCards months={months} />
      <Insights insights={insights} />
      <div className="timeline-console__exports">
        <RegisterCsvButton />
        <WallPdfButton
          cards={cards}
          around={{ links, insights: insights.map((i) => i.text) }}
          timeline={timeline}
        />
      </div>
    </section>
  );
}

type ControlsProps = { card: IncidentCard; cards: IncidentCard[]; links: CardLink[] };

/** Closed until asked for: 300 cards each listing 299 others would weigh on every drag. */
function CardControls({ card }: { card: IncidentCard }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="wall-card__controls"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t('timeline.edit')}</summary>
      {open && <OpenControls card={card} />}
    </details>
  );
}

/**
 * An open form reads the room's cards and links itself. They used to come down
 * a context around the wall, whose new value at every change in the room (a
 * drop among them) made React search all 300 cards for its readers.
 */
function OpenControls({ card }: { card: IncidentCard }) {
  const { cards, links } = useTimeline();
  return <CardControlsForm cards={cards} links={links} card={card} />;
}

function CardControlsForm({ card, cards, links }: ControlsProps) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [note, setNote] = useState<string | null>(null);
  const linked = links
    .filter((l) => l.a === card.id || l.b === card.id)
    .map((l) => (l.a === card.id ? l.b : l.a));
  return (
    <>
      <label>
        {t('timeline.reclassify', { text: card.text })}
        <select
          value={card.severity}
          onChange={(event) =>
            changeIncidentCard(doc, card.id, {
              severity: event.target.value as Severity,
              reclassified: true,
            })
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
        {t('timeline.note', { text: card.text })}
        <input
          type="text"
          maxLength={CARD_TEXT_MAX_CHARS}
          value={note ?? card.note ?? ''}
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => {
            if (note !== null) changeIncidentCard(doc, card.id, { note: note.trim() || null });
            setNote(null);
          }}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={card.hidden}
          onChange={(event) => changeIncidentCard(doc, card.id, { hidden: event.target.checked })}
        />
        {t('timeline.hide', { text: card.text })}
      </label>
      <label>
        {t('timeline.linkWith', { text: card.text })}
        <select
          value=""
          onChange={(event) => event.target.value && linkCards(doc, card.id, event.target.value)}
        >
          <option value="">{t('timeline.noLink')}</option>
          {cards
            .filter((c) => c.id !== card.id && !linked.includes(c.id))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.text}
              </option>
            ))}
        </select>
      </label>
      {linked.length > 0 && (
        <ul className="wall-card__links">
          {linked.map((id) => (
            <li key={id}>
              {cards.find((c) => c.id === id)?.text}{' '}
              <button
                type="button"
                className="button--quiet"
                onClick={() => unlinkCards(doc, card.id, id)}
              >
                {t('timeline.removeInsight')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Insights({ insights }: { insights: { id: string; text: string }[] }) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <section aria-labelledby="insights-heading" className="insights">
      <h3 id="insights-heading">{t('timeline.insights')}</h3>
      <ul>
        {insights.map((insight) => (
          <li key={insight.id}>
            {insight.text}{' '}
            <button
              type="button"
              className="button--quiet"
              onClick={() => removeInsight(doc, insight.id)}
            >
              {t('timeline.removeInsight')}
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() === '') return;
          addInsight(doc, text);
          setText('');
        }}
      >
        <label>
          {t('timeline.insightText')}
          <input
            type="text"
            maxLength={CARD_TEXT_MAX_CHARS}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit">{t('timeline.addInsight')}</button>
      </form>
    </section>
  );
}
