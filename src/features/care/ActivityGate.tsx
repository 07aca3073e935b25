import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FallbackNote, useContentText, type ContentOrigin } from '../common/ContentText';
import { choose, usePassChoice } from './passChoices';
import './care.css';

type Props = {
  /** One key per activity ("quiz/case-analysis-1"): the choice holds for it only. */
  activity: string;
  /** What the activity asks of a person: to answer (a quiz) or to take part (a role, a card). */
  pass: 'answer' | 'observe';
  /** The content's note, shown before the activity opens. */
  note?: string | undefined;
  origin?: ContentOrigin | undefined;
  /** What passing changes in the room, if anything (leaving the role-play's cast). */
  onPass?: () => void;
  /** Said while the phone observes, instead of the general line. */
  observing?: string;
  /**
   * Whether the note holds the activity back until read (the role-play). The
   * card writer is the activity itself: its note sits above it instead.
   */
  blocking?: boolean;
  children: ReactNode;
};

/**
 * Every phone activity goes through this: its content note first, with the
 * right to pass beside it; then the activity with "I'd rather not answer" /
 * "I'd rather observe", which asks no reason and sends nothing (unless the
 * activity needs to know, as the role-play's cast does).
 */
export function ActivityGate(props: Props) {
  const { activity, pass, note, origin, onPass, observing, blocking = true, children } = props;
  const { t } = useTranslation();
  const choice = usePassChoice(activity);
  const content = useContentText(origin);
  const noteId = useId();
  const passLabel = pass === 'answer' ? t('care.passAnswer') : t('care.passObserve');
  const doPass = () => {
    onPass?.();
    choose(activity, 'passed');
  };
  if (choice === 'passed') {
    return (
      <div className="pass pass__observing" role="status">
        <p>{observing ?? t('care.passing')}</p>
        <button type="button" className="pass__choice" onClick={() => choose(activity, 'noted')}>
          {t('care.rejoin')}
        </button>
      </div>
    );
  }
  if (note && choice === 'open' && blocking) {
    return (
      <section className="content-note" aria-labelledby={noteId}>
        <h3 id={noteId}>{t('care.noteHeading')}</h3>
        <FallbackNote origin={origin} />
        <p {...content.attrs}>{note}</p>
        <div className="content-note__actions">
          <button
            type="button"
            className="button--primary"
            onClick={() => choose(activity, 'noted')}
          >
            {t('care.noteContinue')}
          </button>
          <button type="button" onClick={doPass}>
            {passLabel}
          </button>
        </div>
      </section>
    );
  }
  return (
    <>
      {note && !blocking && (
        <section className="content-note" aria-labelledby={noteId}>
          <h3 id={noteId}>{t('care.noteHeading')}</h3>
          <FallbackNote origin={origin} />
          <p {...content.attrs}>{note}</p>
        </section>
      )}
      <div className="pass">
        <button type="button" className="pass__choice" onClick={doPass}>
          {passLabel}
        </button>
      </div>
      {children}
    </>
  );
}
