import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomConnection } from '../../sync/roomConnection';
import { certificateStepsKey } from './browserKind';
import { useRoomSnapshot } from './useRoom';

/**
 * A phone out of the room says why within seconds, with what to do, in its language;
 * back in the room, it says so.
 */
export function ConnectionHelp({ connection }: { connection: RoomConnection }) {
  const { t } = useTranslation();
  const { trouble, back } = useRoomSnapshot(connection);
  const titleId = useId();
  if (back) {
    return (
      <p role="status" className="room-back">
        {t('connection.back')}
      </p>
    );
  }
  if (!trouble) return null;
  return (
    <section
      role="alert"
      aria-labelledby={titleId}
      className="connection-help"
      data-trouble={trouble}
    >
      {trouble === 'unreachable' && (
        <>
          <h2 id={titleId}>{t('connection.unreachableTitle')}</h2>
          <ul>
            <li>{t('connection.unreachableWifi')}</li>
            <li>{t('connection.unreachableLaptop')}</li>
            <li>
              {t('connection.unreachableCertificate', {
                steps: t(certificateStepsKey(navigator.userAgent)),
              })}
            </li>
          </ul>
        </>
      )}
      {trouble === 'refused' && (
        <>
          <h2 id={titleId}>{t('connection.refusedTitle')}</h2>
          <p>{t('connection.refusedWhat')}</p>
        </>
      )}
      {trouble === 'no-console' && (
        <>
          <h2 id={titleId}>{t('connection.noConsoleTitle')}</h2>
          <p>{t('connection.noConsoleWhat')}</p>
        </>
      )}
      <p>{t('connection.kept')}</p>
    </section>
  );
}
