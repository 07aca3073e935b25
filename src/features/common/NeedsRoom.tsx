import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { startNewRoom } from '../../sync/consoleRoom';
import { setConsoleRoom, useConsoleRoomReopening } from '../room/consoleRoomStore';

type Props = {
  /** The tool's own section class ("plan-shelf"), so it keeps its place on the console. */
  className: string;
  heading: string;
  /** Why this tool runs in the live room. */
  explanation: string;
};

/** In place of a tool that runs with the room, before the console has one: why, and a button to open it. */
export function NeedsRoom({ className, heading, explanation }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  // Just after a reload the room this laptop keeps is on its way: no button to replace it.
  const reopening = useConsoleRoomReopening();
  return (
    <section className={className} aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <p>{explanation}</p>
      {reopening ? (
        <p role="status">{t('room.reopening')}</p>
      ) : (
        <button
          type="button"
          className="button--primary"
          onClick={() => setConsoleRoom(startNewRoom())}
        >
          {t('room.open')}
        </button>
      )}
    </section>
  );
}
