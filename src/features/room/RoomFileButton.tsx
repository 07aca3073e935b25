import { useTranslation } from 'react-i18next';
import { download, today } from '../../lib/download';
import { roomBackupText } from '../../sync/roomBackup';
import { KeepFileDialog } from '../care/KeepFileDialog';
import { useHeldCards } from '../care/useHeldCards';
import { useRoomDoc } from './RoomContext';

/**
 * Saves the room to a file on this laptop (content only: no room id, key or
 * device ids), once the console has asked who will keep it; cards their
 * authors kept off the wall go only when ticked one by one.
 */
export function RoomFileButton({
  label,
  onSaved,
}: {
  label?: string;
  onSaved?: (fileName: string) => void;
}) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const held = useHeldCards();
  return (
    <KeepFileDialog
      label={label ?? t('room.export')}
      held={held}
      onExport={(ticked) => {
        const fileName = `workshop-room-${today()}.json`;
        const leaveOut = new Set(held.filter((c) => !ticked.has(c.id)).map((c) => c.id));
        download(
          new Blob([roomBackupText(doc, new Date(), leaveOut)], { type: 'application/json' }),
          fileName,
        );
        onSaved?.(fileName);
      }}
    />
  );
}
