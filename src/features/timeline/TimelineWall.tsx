import type { DndContextProps } from '@dnd-kit/core';
import { memo, useLayoutEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { wallColumns, type CountedOnly, type Severity } from '../../domain/timeline';
import type { CardLink, IncidentCard } from '../../sync/roomSchema';
import { monthLabel } from './useCardDrag';
import { WallDragArea, useWallDragHandle, useWallMonthRef } from './wallDrag';
import { isFromPaper } from '../../domain/paper';
import { FromPaperMark } from '../common/FromPaperMark';
import { FitFirst } from '../common/FitPages';

type Props = {
  cards: IncidentCard[];
  links: CardLink[];
  months: string[];
  shown: ReadonlySet<Severity>;
  /** On the console, each card can be dragged (with these sensors, announcements and drop) and carries the facilitator's controls. */
  drag?: Omit<DndContextProps, 'children' | 'id'>;
  /** A stable component: a card that did not change is not redrawn. */
  CardControls?: ComponentType<{ card: IncidentCard }>;
  /** On the projector, a month shows the cards that fit and says how many more it holds. */
  fitToScreen?: boolean;
  /** Cards counted on their month, not shown. */
  counted?: readonly CountedOnly[];
};

const NONE_COUNTED: readonly CountedOnly[] = [];

/**
 * Twelve months across the screen, each card in its month in the order it was
 * written (a new card joins the end of its month; nothing shifts under a
 * reader's eyes), counts per month, and lines between linked cards.
 */
export function TimelineWall({
  cards,
  links,
  months,
  shown,
  drag,
  CardControls,
  fitToScreen = false,
  counted = NONE_COUNTED,
}: Props) {
  const { t, i18n } = useTranslation();
  const draggable = drag !== undefined;
  const wall = wallColumns(cards, months, shown, counted);
  const frame = useRef<HTMLDivElement>(null);
  const lines = useLinkLines(frame, links, cards);
  const wallView = (
    <div className="timeline" ref={frame}>
      <ol className="timeline__months">
        {wall.columns.map((column) => (
          <MonthColumn key={column.month} id={column.month}>
            <h3 className="timeline__month">
              {monthLabel(column.month, i18n.language)}
              <span className="timeline__counts" aria-label={t('timeline.counts', column.counts)}>
                {(['red', 'yellow', 'green'] as const).map((s) =>
                  column.counts[s] > 0 ? (
                    <span key={s} className={`count count--${s}`}>
                      {column.counts[s]}
                    </span>
                  ) : null,
                )}
              </span>
            </h3>
            {fitToScreen ? (
              <FitFirst
                items={column.cards}
                render={(cards, more) => (
                  <ul className="timeline__cards">
                    {cards.map((card) => (
                      <WallCard key={card.id} card={card} draggable={false} Controls={undefined} />
                    ))}
                    {more > 0 && (
                      <li className="timeline__more" data-fit-more>
                        {t('projector.more', { count: more })}
                      </li>
                    )}
                  </ul>
                )}
              />
            ) : (
              <ul className="timeline__cards">
                {column.cards.map((card) => (
                  <WallCard
                    key={card.id}
                    card={card}
                    draggable={draggable}
                    Controls={CardControls}
                  />
                ))}
              </ul>
            )}
          </MonthColumn>
        ))}
      </ol>
      <svg className="timeline__links" aria-hidden="true">
        {lines.map((line) => (
          <line key={line.key} x1={line.x1} y1={line.y1} x2={line.x2} y2={line.y2} />
        ))}
      </svg>
      {(wall.unplaced.length > 0 || draggable) && (
        <MonthColumn id={UNPLACED} className="timeline__unplaced">
          <h3 className="timeline__month">
            {t('timeline.unplaced', { count: wall.unplaced.length })}
          </h3>
          <ul className="timeline__cards timeline__cards--row">
            {wall.unplaced.map((card) => (
              <WallCard key={card.id} card={card} draggable={draggable} Controls={CardControls} />
            ))}
          </ul>
        </MonthColumn>
      )}
    </div>
  );
  return drag ? (
    <WallDragArea months={[...months, UNPLACED]} dnd={drag}>
      {wallView}
    </WallDragArea>
  ) : (
    wallView
  );
}

/** The drop target of the cards not placed on a month. */
export const UNPLACED = 'unplaced';

/** A month; on a wall with a drag its node is a drop target (marked by the drag when a card is over it). */
function MonthColumn(props: { id: string; className?: string; children: ReactNode }) {
  const ref = useWallMonthRef(props.id);
  const Tag = props.className ? 'div' : 'li';
  return (
    <Tag ref={ref} className={props.className ?? 'timeline__column'}>
      {props.children}
    </Tag>
  );
}

/**
 * A card on the wall. Its record is kept between reads when unchanged, so a
 * change in the room redraws only the cards it touched; a drag redraws none
 * (the wall's one draggable moves the card's node, see wallDrag.tsx).
 */
const WallCard = memo(function WallCard({
  card,
  draggable,
  Controls,
}: {
  card: IncidentCard;
  draggable: boolean;
  Controls: ComponentType<{ card: IncidentCard }> | undefined;
}) {
  return (
    <li data-card-id={card.id} data-fit-item className={`wall-card severity--${card.severity}`}>
      {draggable && <DragHandle id={card.id} text={card.text} />}
      <CardBody card={card} Controls={Controls} />
    </li>
  );
});

function DragHandle({ id, text }: { id: string; text: string }) {
  const { t } = useTranslation();
  const drag = useWallDragHandle(id);
  return (
    <button
      type="button"
      className="card__handle"
      aria-label={t('timeline.moveCard', { text })}
      {...drag}
    >
      <span aria-hidden="true">{'⠿'}</span>
    </button>
  );
}

const CardBody = memo(function CardBody({
  card,
  Controls,
}: {
  card: IncidentCard;
  Controls: ComponentType<{ card: IncidentCard }> | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <span className="wall-card__severity">{t(`severity.${card.severity}`)}</span>
      {isFromPaper(card.device) && <FromPaperMark />}
      <span className="wall-card__text">{card.text}</span>
      {card.note && <span className="wall-card__note">{card.note}</span>}
      {Controls && <Controls card={card} />}
    </>
  );
});

type Line = { key: string; x1: number; y1: number; x2: number; y2: number };

/** Where to draw each link: measured after layout, again when the wall resizes. */
function useLinkLines(
  frame: React.RefObject<HTMLDivElement | null>,
  links: CardLink[],
  cards: IncidentCard[],
): Line[] {
  const [lines, setLines] = useState<Line[]>([]);
  useLayoutEffect(() => {
    const element = frame.current;
    // Measuring forces a layout of the whole wall (a full wall is a thousand cards): only for links.
    if (!element || links.length === 0) return;
    const measure = () => {
      const origin = element.getBoundingClientRect();
      const centre = (id: string) => {
        const node = element.querySelector(`[data-card-id="${CSS.escape(id)}"]`);
        if (!node) return null;
        const r = node.getBoundingClientRect();
        return { x: r.left - origin.left + r.width / 2, y: r.top - origin.top + r.height / 2 };
      };
      const next: Line[] = [];
      for (const link of links) {
        const a = centre(link.a);
        const b = centre(link.b);
        if (a && b) next.push({ key: `${link.a}|${link.b}`, x1: a.x, y1: a.y, x2: b.x, y2: b.y });
      }
      setLines((held) => (JSON.stringify(held) === JSON.stringify(next) ? held : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [frame, links, cards]);
  return links.length === 0 ? NO_LINES : lines;
}

const NO_LINES: Line[] = [];
