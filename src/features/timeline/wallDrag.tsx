import { useDraggable } from '@dnd-kit/core';
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  type ReactNode,
  type SyntheticEvent,
} from 'react';

/** The one draggable of the facilitator's wall; the card it carries is in its data. */
export const WALL_DRAG_ID = 'wall-card';
export type WallDragData = { cardId: string | null };

/** The dnd-kit listener each way of starting a drag goes to. */
const LISTENER_OF: Record<string, string> = {
  mousedown: 'onMouseDown',
  touchstart: 'onTouchStart',
  keydown: 'onKeyDown',
};

type StartDrag = (cardId: string, event: SyntheticEvent<HTMLElement>) => void;
type HandleProps = {
  'aria-roledescription': string;
  'aria-describedby': string;
  onMouseDown: (event: SyntheticEvent<HTMLElement>) => void;
  onTouchStart: (event: SyntheticEvent<HTMLElement>) => void;
  onKeyDown: (event: SyntheticEvent<HTMLElement>) => void;
};

const WallDragContext = createContext<{
  start: StartDrag;
  describedBy: string;
  roleDescription: string;
} | null>(null);

/** The card a wall drag carries: its id from the drag's data, or the draggable's own id. */
export function draggedCardId(active: {
  id: string | number;
  data: { current?: unknown };
}): string {
  const data = active.data.current as Partial<WallDragData> | undefined;
  return data?.cardId ?? String(active.id);
}

/**
 * dnd-kit redraws every draggable when a drag starts and ends: a wall of 300
 * cards with a draggable each took over 150 ms at pickup and drop. Here the wall
 * has one draggable, bound to a card's node and handle at the moment a drag
 * starts from it; the dragged card moves by a style written straight to its node,
 * so no card is redrawn while a drag goes on.
 */
export function WallDragArea({ children }: { children: ReactNode }) {
  const carried = useRef<{ cardId: string; node: HTMLElement } | null>(null);
  // Read when the drag is announced and dropped, after the handle said which card it is.
  const data = useMemo<WallDragData>(
    () => ({
      get cardId() {
        return carried.current?.cardId ?? null;
      },
    }),
    [],
  );
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } =
    useDraggable({ id: WALL_DRAG_ID, data });
  const latest = useRef(listeners);
  useLayoutEffect(() => {
    latest.current = listeners;
  }, [listeners]);

  useLayoutEffect(() => {
    const card = carried.current?.node;
    if (!card) return;
    card.style.transform = transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : '';
    card.classList.toggle('card--dragging', isDragging);
  }, [transform, isDragging]);

  const start = useCallback<StartDrag>(
    (cardId, event) => {
      const handle = event.currentTarget;
      const node = handle.closest<HTMLElement>('[data-card-id]');
      const listener = latest.current?.[LISTENER_OF[event.type] ?? ''];
      if (!node || !listener) return;
      carried.current = { cardId, node };
      setNodeRef(node);
      setActivatorNodeRef(handle);
      listener(event);
    },
    [setNodeRef, setActivatorNodeRef],
  );
  // Only what never changes during a drag: a new value would redraw every handle.
  const describedBy = attributes['aria-describedby'];
  const roleDescription = attributes['aria-roledescription'];
  const value = useMemo(
    () => ({ start, describedBy, roleDescription }),
    [start, describedBy, roleDescription],
  );
  return <WallDragContext.Provider value={value}>{children}</WallDragContext.Provider>;
}

/** What a card's handle needs to start a drag of its card: by mouse, touch or keyboard. */
export function useWallDragHandle(cardId: string): HandleProps | null {
  const context = useContext(WallDragContext);
  return useMemo(() => {
    if (!context) return null;
    const start = (event: SyntheticEvent<HTMLElement>) => context.start(cardId, event);
    return {
      'aria-roledescription': context.roleDescription,
      'aria-describedby': context.describedBy,
      onMouseDown: start,
      onTouchStart: start,
      onKeyDown: start,
    };
  }, [context, cardId]);
}
