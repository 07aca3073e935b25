import { useId, type HTMLAttributes, type ReactNode } from 'react';

type Props = {
  /** The activity's name, as its heading: the section is named by it. */
  title: ReactNode;
  /** The heading's language and direction when the title is content (see useContentText). */
  titleAttrs?: HTMLAttributes<HTMLHeadingElement>;
  /** The tool's own class (phone-tool with phone-quiz, phone-role-play...), for its styles. */
  className?: string;
  children: ReactNode;
};

/**
 * Every activity a phone takes part in sits in this one frame: its heading,
 * then its body. What applies to every activity (a content note, the right to
 * pass) goes here once, not in each tool.
 */
export function PhoneActivityFrame({ title, titleAttrs, className, children }: Props) {
  const headingId = useId();
  return (
    <section
      className={className ? `phone-activity ${className}` : 'phone-activity'}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} {...titleAttrs}>
        {title}
      </h2>
      {children}
    </section>
  );
}
