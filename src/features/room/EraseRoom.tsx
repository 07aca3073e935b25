import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roomContentsStore } from '../../sync/roomContents';
import { useRoomValue } from './RoomContext';
import { RoomFileButton } from './RoomFileButton';

/**
 * Erasing the room, asked twice: the warning lists what goes, with counts, and
 * offers to save the room file before anything is lost.
 */
export function EraseRoom({ onErase }: { onErase: () => Promise<void> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  if (!confirming) {
    return (
      <button type="button" className="button--danger" onClick={() => setConfirming(true)}>
        {t('room.erase')}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-labelledby="erase-question" className="confirm erase-room">
      <p id="erase-question">{t('room.eraseConfirm')}</p>
      <EraseList />
      <p>{t('eraseRoom.fileFirst')}</p>
      <RoomFileButton label={t('eraseRoom.saveFirst')} onSaved={setSaved} />
      {saved && (
        <p role="status" className="note">
          {t('eraseRoom.saved', { file: saved })}
        </p>
      )}
      <div className="erase-room__actions">
        <button
          type="button"
          className="button--danger"
          disabled={erasing}
          onClick={() => {
            setErasing(true);
            void onErase();
          }}
        >
          {erasing ? t('room.erasing') : t('room.eraseYes')}
        </button>
        <button type="button" disabled={erasing} onClick={() => setConfirming(false)}>
          {t('room.cancel')}
        </button>
      </div>
    </div>
  );
}

function EraseList() {
  const { t } = useTranslation();
  const contents = useRoomValue(roomContentsStore);
  return (
    <ul className="erase-room__list" aria-label={t('eraseRoom.listLabel')}>
      <li>{t('eraseRoom.cards', { count: contents.cards })}</li>
      <li>{t('eraseRoom.register', { count: contents.register })}</li>
      <li>{t('eraseRoom.plan', { count: contents.plan })}</li>
      <li>{t('eraseRoom.records', { count: contents.records })}</li>
    </ul>
  );
}
