import { useId, type ReactNode } from 'react';

type Props = { heading: string; level?: 2 | 3 | 4; children: ReactNode; className?: string };

/** A titled region, so screen-reader users can jump between parts of a page. */
export function Section({ heading, level = 3, children, className }: Props) {
  const id = useId();
  const Heading = `h${level}` as const;
  return (
    <section aria-labelledby={id} className={className}>
      <Heading id={id}>{heading}</Heading>
      {children}
    </section>
  );
}
