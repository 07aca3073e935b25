import {
  DndContext,
  useDraggable,
  useDroppable,
  type DndContextProps,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  createContext,
  useCallback,
  useContext,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
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

/**
 * What the wall's cards and months share with the drag, which lives beside
 * them: made once per wall, so handing it down redraws nothing.
 */
type Bridge = {
  describedBy: string;
  /** Starts a drag of a card from its handle, once the carrier inside the drag is mounted. */
  start: StartDrag;
  /** The carrier says how it starts a drag (null when it leaves). */
  carrier: (start: StartDrag | null) => void;
  /** The ref of a month's node: binds it to the month's drop target. */
  monthRef: (id: string) => (node: HTMLElement | null) => void;
  /** A month's drop target asks for its node, now and whenever it changes; returns the unbinding. */
  target: (id: string, bind: (node: HTMLElement | null) => void) => () => void;
};

function makeBridge(describedBy: string): Bridge {
  let carrier: StartDrag | null = null;
  const months = new Map<string, HTMLElement>();
  const targets = new Map<string, (node: HTMLElement | null) => void>();
  const refs = new Map<string, (node: HTMLElement | null) => void>();
  return {
    describedBy,
    start: (cardId, event) => carrier?.(cardId, event),
    carrier: (start) => {
      carrier = start;
    },
    monthRef: (id) => {
      let ref = refs.get(id);
      if (!ref) {
        ref = (node) => {
          if (node) months.set(id, node);
          else months.delete(id);
          targets.get(id)?.(node);
        };
        refs.set(id, ref);
      }
      return ref;
    },
    target: (id, bind) => {
      targets.set(id, bind);
      bind(months.get(id) ?? null);
      return () => {
        if (targets.get(id) === bind) targets.delete(id);
      };
    },
  };
}

const WallDragContext = createContext<Bridge | null>(null);

/** dnd-kit's default name for a draggable's role, kept on our handles. */
const ROLE_DESCRIPTION = 'draggable';

/** The card a wall drag carries: its id from the drag's data, or the draggable's own id. */
export function draggedCardId(active: {
  id: string | number;
  data: { current?: unknown };
}): string {
  const data = active.data.current as Partial<WallDragData> | undefined;
  return data?.cardId ?? String(active.id);
}

/**
 * The facilitator's wall with its drag. dnd-kit redraws what is inside its
 * DndContext whenever a drag starts, passes over a month and ends, and React
 * then walks every node below it looking for readers of its state: with 300
 * cards inside, that walk alone weighed on every pickup and drop. So the cards
 * are not inside it. The DndContext sits beside the wall and holds only the
 * wall's one draggable (bound to a card's node and handle at the moment a drag
 * starts from it) and a drop target per month, bound to the month's node. The
 * dragged card moves by a style written straight to its node, and a month
 * under the card is marked on its node: no card or month is redrawn while a
 * drag goes on.
 */
export function WallDragArea({
  children,
  months,
  dnd,
}: {
  children: ReactNode;
  /** Every place a card can be dropped on: the months' ids and "unplaced". */
  months: readonly string[];
  dnd: Omit<DndContextProps, 'children' | 'id'>;
}) {
  // dnd-kit names its instructions' node after the context's id.
  const describedBy = `wall-drag-${useId()}`;
  const [bridge] = useState(() => makeBridge(describedBy));
  const { onDragEnd } = dnd;
  const [landing] = useState(() => makeLanding());
  const endDrag = useCallback(
    (event: DragEndEvent) => {
      if (!event.over) {
        onDragEnd?.(event);
        return;
      }
      // The drop's write and the wall's redraw in a task of their own, after dnd-kit's end of
      // the drag: together they were the drag's longest task. The card stays where it was
      // dropped meanwhile (see WallCarrier), and its move is announced at once.
      landing.hold();
      setTimeout(() => {
        try {
          onDragEnd?.(event);
        } finally {
          landing.release();
        }
      }, 0);
    },
    [onDragEnd, landing],
  );
  return (
    <WallDragContext.Provider value={bridge}>
      {children}
      <DndContext {...dnd} onDragEnd={endDrag} id={bridge.describedBy}>
        <WallCarrier bridge={bridge} landing={landing} />
        {months.map((id) => (
          <MonthTarget key={id} id={id} bridge={bridge} />
        ))}
      </DndContext>
    </WallDragContext.Provider>
  );
}

/**
 * A dropped card waiting for its write: it keeps the place and look it was dropped with
 * until then. Once written it is drawn in its new month (a new node) or, dropped on its
 * own month, comes back to its place.
 */
type Landing = {
  hold: () => void;
  /** True while a drop waits: the carrier then leaves the card's node as it is. */
  held: () => boolean;
  /** The carrier's node to put back once the drop is written. */
  settle: (put: (() => void) | null) => void;
  release: () => void;
};

function makeLanding(): Landing {
  let waiting = false;
  let put: (() => void) | null = null;
  return {
    hold: () => {
      waiting = true;
    },
    held: () => waiting,
    settle: (next) => {
      put = next;
    },
    release: () => {
      waiting = false;
      put?.();
      put = null;
    },
  };
}

/** The wall's one draggable: renders nothing, moves the carried card's node. */
function WallCarrier({ bridge, landing }: { bridge: Bridge; landing: Landing }) {
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
  const { listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: WALL_DRAG_ID,
    data,
    attributes: { roleDescription: ROLE_DESCRIPTION },
  });
  const latest = useRef(listeners);
  useLayoutEffect(() => {
    latest.current = listeners;
  }, [listeners]);

  useLayoutEffect(() => {
    const card = carried.current?.node;
    if (!card) return;
    const put = () => {
      card.style.transform = transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : '';
      card.classList.toggle('card--dragging', isDragging);
    };
    if (!isDragging && landing.held()) landing.settle(put);
    else put();
  }, [transform, isDragging, landing]);

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
  useLayoutEffect(() => {
    bridge.carrier(start);
    return () => bridge.carrier(null);
  }, [bridge, start]);
  return null;
}

/** A month's drop target: renders nothing, bound to the month's node and marking it when over. */
function MonthTarget({ id, bridge }: { id: string; bridge: Bridge }) {
  const { setNodeRef, isOver, node } = useDroppable({ id });
  useLayoutEffect(() => bridge.target(id, setNodeRef), [bridge, id, setNodeRef]);
  useLayoutEffect(() => {
    node.current?.classList.toggle('timeline__column--over', isOver);
  }, [node, isOver]);
  return null;
}

/**
 * The ref for a month's node on a wall with a drag (nothing on a wall without
 * one): it binds the month's drop target, whichever of the two mounts first.
 */
export function useWallMonthRef(id: string): ((node: HTMLElement | null) => void) | undefined {
  const bridge = useContext(WallDragContext);
  return bridge?.monthRef(id);
}

/** What a card's handle needs to start a drag of its card: by mouse, touch or keyboard. */
export function useWallDragHandle(cardId: string): HandleProps | null {
  const bridge = useContext(WallDragContext);
  return useMemo(() => {
    if (!bridge) return null;
    const start = (event: SyntheticEvent<HTMLElement>) => bridge.start(cardId, event);
    return {
      'aria-roledescription': ROLE_DESCRIPTION,
      'aria-describedby': bridge.describedBy,
      onMouseDown: start,
      onTouchStart: start,
      onKeyDown: start,
    };
  }, [bridge, cardId]);
}
