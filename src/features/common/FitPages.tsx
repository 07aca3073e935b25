import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './fitPages.css';

/** Rounding and grid gaps the measure does not see. */
const SAFETY_PX = 16;

/** How long each page of an overflowing list stays on the projector. */
export const PROJECTOR_PAGE_MS = 20_000;

type Props<T> = {
  items: readonly T[];
  /**
   * Renders a run of items; each item's outermost element carries `data-fit-item`,
   * and an element that heads several items (a table) carries `data-fit-group`.
   */
  render: (items: readonly T[]) => ReactNode;
};

/**
 * A list that never runs off the projector: it keeps as many items as fit the
 * screen below what precedes it and above what follows it, and turns to the
 * next page of items by itself, saying which page the room is reading. A
 * hidden copy of the whole list is measured to find where pages break, again
 * whenever the items or the screen's size change.
 */
export function FitPages<T>({ items, render }: Props<T>) {
  const { t } = useTranslation();
  const shown = useRef<HTMLDivElement>(null);
  const measured = useRef<HTMLDivElement>(null);
  const [breaks, setBreaks] = useState<number[]>([0]);
  const [page, setPage] = useState(0);
  const { size, measuring, measuredFor } = useMeasure(items);

  useLayoutEffect(() => {
    const box = shown.current;
    const copy = measured.current;
    if (!measuring || !box || !copy) return;
    const top = box.getBoundingClientRect().top;
    // What follows the list on the screen keeps its place below it.
    const after = belowOnScreen(box);
    const label = box.querySelector('.fit-pages__page')?.getBoundingClientRect().height ?? 0;
    const available = window.innerHeight - top - after + label - labelReserve(box);
    const origin = copy.getBoundingClientRect().top;
    const extents = [...copy.querySelectorAll('[data-fit-item]')].map((element) => {
      const rect = element.getBoundingClientRect();
      // An item inside a group (a row of a table) brings the group's heading onto its page.
      const group = element.parentElement?.closest('[data-fit-group]');
      const first = group?.querySelector('[data-fit-item]');
      const lead =
        group && first ? first.getBoundingClientRect().top - group.getBoundingClientRect().top : 0;
      return { top: rect.top - origin, bottom: rect.bottom - origin, lead };
    });
    const next = [0];
    let pageTop = 0;
    extents.forEach((extent, index) => {
      if (index > 0 && extent.bottom - pageTop > available) {
        next.push(index);
        pageTop = extent.top - extent.lead;
      }
    });
    setBreaks((held) => (held.join() === next.join() ? held : next));
    measuredFor(items, size);
  }, [items, size, measuring, measuredFor]);

  const pages = breaks.length;
  const current = Math.min(page, pages - 1);
  useEffect(() => {
    if (pages < 2) return;
    const timer = window.setInterval(
      () => setPage((held) => (held + 1) % pages),
      PROJECTOR_PAGE_MS,
    );
    return () => window.clearInterval(timer);
  }, [pages]);

  const from = breaks[current] ?? 0;
  const to = breaks[current + 1] ?? items.length;
  return (
    <div className="fit-pages" ref={shown}>
      {render(items.slice(from, to))}
      {pages > 1 && (
        <p className="fit-pages__page" role="status">
          {t('projector.page', { page: current + 1, pages })}
        </p>
      )}
      {measuring && (
        <div className="fit-pages__measure" ref={measured} aria-hidden="true">
          {render(items)}
        </div>
      )}
    </div>
  );
}

/**
 * The hidden copy is rendered only until it has been measured for these items at this screen
 * size: it is measured and removed in the same layout pass, before the screen is painted, so
 * no one (a screen reader, a search of the page) ever meets the list twice.
 */
function useMeasure<T>(items: readonly T[], layout = 0) {
  const [windowSize, setSize] = useState(() => `${window.innerWidth}x${window.innerHeight}`);
  const size = `${windowSize}/${layout}`;
  const [done, setDone] = useState<{ items: readonly T[]; size: string } | null>(null);
  useEffect(() => {
    const onResize = () => setSize(`${window.innerWidth}x${window.innerHeight}`);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const measuredFor = useCallback(
    (what: readonly T[], at: string) => setDone({ items: what, size: at }),
    [],
  );
  const measuring = done === null || done.items !== items || done.size !== size;
  return { size, measuring, measuredFor };
}

/** Room for the "Page 1 of 2" line when the list must be paged. */
function labelReserve(box: HTMLElement): number {
  return Math.max(parseFloat(getComputedStyle(box).fontSize) * 0.8, window.innerWidth / 80) * 1.8;
}

/** The height of what the screen shows below the list: the rest of its tool, then the page's padding. */
function belowOnScreen(box: HTMLElement): number {
  const screen = box.closest('.projector');
  const main = box.closest('.shell__main');
  const rest = screen
    ? screen.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom
    : 0;
  const padding = main ? parseFloat(getComputedStyle(main).paddingBlockEnd) : 0;
  return rest + padding + SAFETY_PX;
}

type FirstProps<T> = {
  items: readonly T[];
  /** Renders the items shown, then the "and N more" line when some are left out. */
  render: (items: readonly T[], more: number) => ReactNode;
};

/**
 * A list on the projector that shows its first items, as many as fit above the
 * screen's bottom, and says how many more there are (a month's column of cards:
 * its counts stay whole above it). Like FitPages, a hidden copy of the whole list
 * is measured and removed in the same layout pass. When no item fits (the space
 * left is shorter than the first), none is shown and the line says how many there are.
 */
export function FitFirst<T>({ items, render }: FirstProps<T>) {
  const shown = useRef<HTMLDivElement>(null);
  const measured = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(items.length);
  const layout = useLayoutChanges(shown);
  const { size, measuring, measuredFor } = useMeasure(items, layout);

  useLayoutEffect(() => {
    const box = shown.current;
    const copy = measured.current;
    if (!measuring || !box || !copy) return;
    const available = window.innerHeight - box.getBoundingClientRect().top - belowOnScreen(box);
    const origin = copy.getBoundingClientRect().top;
    const bottoms = [...copy.querySelectorAll('[data-fit-item]')].map(
      (element) => element.getBoundingClientRect().bottom - origin,
    );
    const more = copy.querySelector('[data-fit-more]')?.getBoundingClientRect().height ?? 0;
    let fit = bottoms.filter((bottom) => bottom <= available).length;
    if (fit < bottoms.length) fit = bottoms.filter((bottom) => bottom + more <= available).length;
    setCount(fit);
    measuredFor(items, size);
  }, [items, size, measuring, measuredFor]);

  const visible = Math.min(count, items.length);
  return (
    <div className="fit-pages" ref={shown}>
      {render(items.slice(0, visible), items.length - visible)}
      {measuring && (
        <div className="fit-pages__measure" ref={measured} aria-hidden="true">
          {render(items, 1)}
        </div>
      )}
    </div>
  );
}

/**
 * Counts the changes of the page's height after the first layout: what sits above a
 * list on the projector (the waiting screen, then the running day) can grow or shrink
 * while the list's own items stay the same, and the list must be measured again.
 */
function useLayoutChanges(box: React.RefObject<HTMLElement | null>): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const page = box.current?.closest('.shell__main');
    if (!page || typeof ResizeObserver === 'undefined') return;
    let height = page.getBoundingClientRect().height;
    const observer = new ResizeObserver(() => {
      const now = page.getBoundingClientRect().height;
      if (now === height) return;
      height = now;
      setChanges((held) => held + 1);
    });
    observer.observe(page);
    return () => observer.disconnect();
  }, [box]);
  return changes;
}
