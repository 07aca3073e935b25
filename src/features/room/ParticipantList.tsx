import { useTranslation } from 'react-i18next';
import type { RoomConnection } from '../../sync/roomConnection';
import { useRoomSnapshot } from './useRoom';

const PATH_KEYS = {
  direct: 'room.pathDirect',
  relay: 'room.pathRelay',
  'relay-http': 'room.pathRelayHttp',
  pending: 'room.pathPending',
} as const;

export function ParticipantList({ connection }: { connection: RoomConnection }) {
  const { t } = useTranslation();
  const { peers } = useRoomSnapshot(connection);
  const phones = [...peers.entries()].filter(([, presence]) => presence.role === 'phone');
  return (
    <>
      <p className="live-room__count" role="status">
        {t('room.participants', { count: phones.length })}
      </p>
      {phones.length === 0 ? (
        <p>{t('room.noParticipants')}</p>
      ) : (
        <ul aria-label={t('room.participantsLabel')} className="participants">
          {phones.map(([clientId, presence]) => (
            <li key={clientId} data-path={presence.path}>
              <span dir="auto">{presence.nickname ?? t('room.anonymous')}</span>
              <span className={`path path--${presence.path}`}>{t(PATH_KEYS[presence.path])}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
