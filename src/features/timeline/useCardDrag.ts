import {
  getClientRect,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type MeasuringConfiguration,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { draggedCardId } from './wallDrag';

/**
 * Sensors and spoken announcements for moving cards onto months: a mouse drags
 * at once, a finger after a long press (so the page still scrolls), a keyboard
 * with space and the arrows. Announcements are in the screen's language.
 */
export function useCardDrag(describe: {
  card: (id: string) => string;
  month: (id: string) => string;
}) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 300, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );
  const name = (active: Parameters<typeof draggedCardId>[0]) =>
    describe.card(draggedCardId(active));
  const place = (id: string | number | undefined) =>
    id === undefined ? '' : describe.month(String(id));
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('timeline.pickedUp', { text: name(active) }),
    onDragOver: ({ over }) =>
      over ? t('timeline.over', { month: place(over.id) }) : t('timeline.notOver'),
    onDragEnd: ({ over }) =>
      over ? t('timeline.dropped', { month: place(over.id) }) : t('timeline.droppedNowhere'),
    onDragCancel: () => t('timeline.cancelled'),
  };
  const screenReaderInstructions: ScreenReaderInstructions = {
    draggable: t('timeline.instructions'),
  };
  return {
    sensors,
    collisionDetection,
    measuring,
    accessibility: { announcements, screenReaderInstructions },
  };
}

/**
 * A month is measured as it lies: dnd-kit's default also reads each month's
 * computed style to undo a transform, and a month never has one (13 style reads
 * at every pickup, about a sixth of its script in a profile). The carried card
 * keeps the default: it does move by a transform.
 */
const measuring: MeasuringConfiguration = {
  droppable: { measure: (element) => getClientRect(element) },
};

/**
 * A finger or a mouse drops on the month under it (a card is wider than a month,
 * so overlap alone would pick a neighbour); a keyboard drag has no pointer and
 * goes by overlap.
 */
const collisionDetection: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length > 0 ? under : rectIntersection(args);
};

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Mar 26" style labels, in the screen's language. A formatter is costly to
 * make and a phone redraws its month strip at every change in the room: one
 * per language and style is kept.
 */
export function monthLabel(
  month: string,
  language: string,
  style: 'short' | 'long' = 'short',
): string {
  const [year = 2000, index = 1] = month.split('-').map(Number);
  const formatKey = `${language} ${style}`;
  let format = monthFormats.get(formatKey);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      month: style,
      year: style === 'short' ? '2-digit' : 'numeric',
    });
    monthFormats.set(formatKey, format);
  }
  return format.format(new Date(year, index - 1, 15));
}
