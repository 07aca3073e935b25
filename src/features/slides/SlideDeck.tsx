import { useEffect, useRef } from 'react';
import Reveal from 'reveal.js';
// Before reveal.js's own styles, which win where both set the same thing, as they always have.
import './slides.css';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/serif.css';
import type { Slide } from './sessionSlides';

type Deck = InstanceType<typeof Reveal>;

type Props = {
  slides: Slide[];
  index: number;
  onIndexChange: (index: number) => void;
  direction: 'ltr' | 'rtl';
  /** The projector takes the arrow keys; the console's small deck leaves them to the page. */
  keyboard: boolean;
  label: string;
};

/**
 * The one owner of a Reveal instance: created in an effect, destroyed in its
 * cleanup (so React StrictMode's double mount leaves exactly one), told to
 * sync when the slides change and to move when the shared index moves.
 */
export function SlideDeck({ slides, index, onIndexChange, direction, keyboard, label }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const deck = useRef<Deck | null>(null);
  const onChange = useRef(onIndexChange);
  const wanted = useRef(index);
  useEffect(() => {
    onChange.current = onIndexChange;
    wanted.current = index;
  });

  useEffect(() => {
    if (!element.current) return;
    const instance = new Reveal(element.current, {
      embedded: true,
      hash: false,
      history: false,
      keyboard,
      controls: false, // its buttons speak English only; ours are translated, and a clicker sends arrow keys
      progress: true,
      transition: 'none',
      rtl: direction === 'rtl',
      width: 1280,
      height: 720,
    });
    let alive = true;
    void instance.initialize().then(() => {
      if (!alive) return;
      deck.current = instance;
      instance.slide(wanted.current);
      instance.on('slidechanged', () => {
        const { h } = instance.getIndices();
        if (h !== wanted.current) onChange.current(h);
      });
    });
    return () => {
      alive = false;
      deck.current = null;
      try {
        instance.destroy();
      } catch {
        // destroyed before it finished starting: nothing to undo
      }
    };
  }, [direction, keyboard]);

  useEffect(() => {
    deck.current?.sync();
  }, [slides]);

  useEffect(() => {
    const current = deck.current;
    if (current && current.getIndices().h !== index) current.slide(index);
  }, [index]);

  return (
    <div className="reveal" ref={element} aria-label={label} role="region" dir={direction}>
      <div className="slides">
        {slides.map((slide, i) => (
          <section key={i}>
            <h2>{slide.title}</h2>
            {slide.lead && <p>{slide.lead}</p>}
            {slide.points.length > 0 &&
              (slide.numbered ? (
                <ol>
                  {slide.points.map((point, p) => (
                    <li key={p}>{point}</li>
                  ))}
                </ol>
              ) : (
                <ul>
                  {slide.points.map((point, p) => (
                    <li key={p}>{point}</li>
                  ))}
                </ul>
              ))}
          </section>
        ))}
      </div>
    </div>
  );
}
