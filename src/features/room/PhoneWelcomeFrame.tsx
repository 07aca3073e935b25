/**
 * The welcome's frame, light enough for the phone's first load: the join
 * screen shows it with the generic heading while the live room (yjs, the
 * stores, the connection) is still on its way, and the room's own welcome
 * (PhoneDay) draws the same frame around the day's title and tasks.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomStatus } from '../../sync/roomConnection';
import { sawWelcome } from './phoneWelcome';
import './phoneWelcome.css';

export function PhoneWelcomeFrame(props: {
  room: string;
  onDone: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="phone-welcome" aria-labelledby="phone-welcome-heading">
      {props.children}
      <p className="phone-welcome__anonymous">{t('phone.welcomeAnonymous')}</p>
      <p className="phone-welcome__private">{t('join.privateTab')}</p>
      <button
        type="button"
        className="button--primary"
        onClick={() => {
          sawWelcome(props.room);
          props.onDone();
        }}
      >
        {t('phone.welcomeGo')}
      </button>
    </section>
  );
}

/** The welcome's heading before the room has said what the day is. */
export function GenericWelcome() {
  const { t } = useTranslation();
  return (
    <>
      <h1 id="phone-welcome-heading">{t('phone.welcomeGeneric')}</h1>
      <p>{t('phone.welcomeNoTasks')}</p>
    </>
  );
}

/** The room's status line; "connecting" until the live room has loaded. */
export function RoomStatusLine({ status }: { status: RoomStatus }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={`room-status room-status--${status}`} data-status={status}>
      {t(`status.${status}`)}
    </p>
  );
}
