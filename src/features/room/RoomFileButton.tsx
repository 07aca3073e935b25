import { useTranslation } from 'react-i18next';
import { download, today } from '../../lib/download';
import { facilitatorBoxFor } from '../../sync/privateLayer/facilitatorKeys';
import { roomBackupText, roomFileText } from '../../sync/roomBackup';
import { KeepFileDialog } from '../care/KeepFileDialog';
import { useHeldCards, useHeldPoints } from '../care/useHeldCards';
import { useConsoleRoom } from './consoleRoomStore';
import { useRoomDoc } from './RoomContext';

/**
 * Saves the room to a file on this laptop (content only: no room id, key or
 * device ids), once the console has asked who will keep it; cards and points
 * their authors kept off the wall go only when ticked one by one. What phones
 * sealed travels opened, for the next room's console to seal again (roomBackup.ts).
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
  const room = useConsoleRoom()?.room ?? null;
  const held = [...useHeldCards(), ...useHeldPoints()];
  return (
    <KeepFileDialog
      label={label ?? t('room.export')}
      held={held}
      onExport={(ticked) => {
        const fileName = `workshop-room-${today()}.json`;
        const leaveOut = new Set(held.filter((c) => !ticked.has(c.id)).map((c) => c.id));
        const save = (text: string) => {
          download(new Blob([text], { type: 'application/json' }), fileName);
          onSaved?.(fileName);
        };
        // With no console key on this laptop nothing sealed can be opened: the file
        // holds the room's content and the ciphertext, as files did before.
        const sealedAsItIs = () => roomBackupText(doc, new Date(), leaveOut);
        if (room === null) {
          save(sealedAsItIs());
          return;
        }
        void facilitatorBoxFor(room)
          .then((box) => roomFileText(doc, box, room, leaveOut))
          .catch(sealedAsItIs)
          .then(save);
      }}
    />
  );
}
