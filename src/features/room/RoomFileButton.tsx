import { useTranslation } from 'react-i18next';
import { download, today } from '../../lib/download';
import { roomBackupText } from '../../sync/roomBackup';
import { useRoomDoc } from './RoomContext';

/** Saves the room to a file on this laptop (content only: no room id, key or device ids). */
export function RoomFileButton({
  label,
  onSaved,
}: {
  label?: string;
  onSaved?: (fileName: string) => void;
}) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  return (
    <button
      type="button"
      onClick={() => {
        const fileName = `workshop-room-${today()}.json`;
        download(new Blob([roomBackupText(doc)], { type: 'application/json' }), fileName);
        onSaved?.(fileName);
      }}
    >
      {label ?? t('room.export')}
    </button>
  );
}
