/**
 * The drag baseline: a plain dnd-kit wall as its documentation builds one, a
 * draggable per card and a droppable per month, holding the same 300 cards in
 * the same 12 months as the bench's room file, with our wall's stylesheet and
 * class names so that the browser lays out the same boxes.
 */
import { DndContext, useDraggable, useDroppable, type DragEndEvent } from '@dnd-kit/core';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../src/app/base.css';
import '../../../src/features/common/common.css';
import '../../../src/features/timeline/timeline.css';

type Card = { id: string; text: string; severity: 'red' | 'yellow' | 'green'; month: number };

const MONTHS = 12;
const initial: Card[] = Array.from({ length: 300 }, (_, i) => ({
  id: `card-${i}`,
  text: `Incident ${i + 1}: a car parked across the street all afternoon`,
  severity: (['red', 'yellow', 'green'] as const)[i % 3] ?? 'red',
  month: i % MONTHS,
}));

function WallCard({ card }: { card: Card }) {
  const { attributes, listeners, setNodeRef, transform } = useDraggable({ id: card.id });
  return (
    <li
      ref={setNodeRef}
      className={`wall-card severity--${card.severity}`}
      style={transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined}
    >
      <button
        type="button"
        className="card__handle"
        aria-label={`Move “${card.text}”`}
        {...attributes}
        {...listeners}
      >
        ⠿
      </button>
      <span className="wall-card__severity">{card.severity}</span>
      <span className="wall-card__text">{card.text}</span>
    </li>
  );
}

function Month({ month, cards }: { month: number; cards: Card[] }) {
  const { setNodeRef, isOver } = useDroppable({ id: `month-${month}` });
  return (
    <li ref={setNodeRef} className={`timeline__column${isOver ? ' timeline__column--over' : ''}`}>
      <h3 className="timeline__month">{`2026-${String(month + 1).padStart(2, '0')}`}</h3>
      <ul className="timeline__cards">
        {cards.map((card) => (
          <WallCard key={card.id} card={card} />
        ))}
      </ul>
    </li>
  );
}

function Wall() {
  const [cards, setCards] = useState(initial);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const month = over ? Number(String(over.id).replace('month-', '')) : null;
    if (month === null) return;
    setCards((all) => all.map((card) => (card.id === active.id ? { ...card, month } : card)));
  };
  return (
    <DndContext onDragEnd={onDragEnd}>
      <div className="timeline">
        <ol className="timeline__months">
          {Array.from({ length: MONTHS }, (_, month) => (
            <Month key={month} month={month} cards={cards.filter((c) => c.month === month)} />
          ))}
        </ol>
      </div>
    </DndContext>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Wall />);
