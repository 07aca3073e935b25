import { codeLink, joinLinkPath, projectorCodePath, projectorPath } from '../../lib/route';
import { facilitatorBoxFor } from '../../sync/privateLayer/facilitatorKeys';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eraseRoom, importRoom, startNewRoom } from '../../sync/consoleRoom';
import type { RoomConnection } from '../../sync/roomConnection';
import { setConsoleRoom, useConsoleRoom, useConsoleRoomReopening } from './consoleRoomStore';
import { ParticipantList } from './ParticipantList';
import { EraseRoom } from './EraseRoom';
import { RoomFileButton } from './RoomFileButton';
import { RoomProvider } from './RoomContext';
import { useIncidentCards, useRoomSnapshot } from './useRoom';
import { WallPdfButton } from '../timeline/WallPdfButton';
import { ShowOnProjectorButton } from '../common/ShowOnProjectorButton';
import { fingerprintGroups, useJoinAddress, useQrCode } from '../join/joinAddress';
import { JoinAddressChoice } from '../join/JoinAddressChoice';
import { NewJoinCode } from '../join/NewJoinCode';
import { useJoinCode } from '../join/useJoinCode';
import { formatJoinCode } from '../../sync/join/joinCode';
import { useStage } from './useRoom';
import { OpenWallSetting } from '../timeline/ModerationQueue';
import { DiscreetSettings } from '../care/DiscreetSettings';
import './room.css';

export function LiveRoomPanel() {
  const { t } = useTranslation();
  const connection = useConsoleRoom();
  // Just after a reload: the room this laptop keeps is on its way, not to be replaced by a new one.
  const reopening = useConsoleRoomReopening();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="live-room" aria-labelledby="live-room-heading">
      <h2 id="live-room-heading">{t('room.heading')}</h2>
      <p>{t('room.intro')}</p>
      {notice && (
        <p role="status" className="note">
          {notice}
        </p>
      )}
      {connection ? (
        <RoomProvider doc={connection.doc}>
          <OpenRoom
            connection={connection}
            onErase={async () => {
              // Unmount the room's views first: the erase destroys the document they read.
              setConsoleRoom(null);
              setNotice(t('room.erasing'));
              await eraseRoom(connection);
              setNotice(t('room.erased'));
            }}
          />
        </RoomProvider>
      ) : reopening ? (
        <p role="status">{t('room.reopening')}</p>
      ) : (
        <div className="live-room__actions">
          <button
            type="button"
            className="button--primary"
            onClick={() => {
              setNotice(null);
              setConsoleRoom(startNewRoom());
            }}
          >
            {t('room.open')}
          </button>
          <label className="file-button">
            {t('room.import')}
            <input
              type="file"
              accept="application/json,.json"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (!file) return;
                try {
                  setConsoleRoom(await importRoom(await file.text()));
                  setNotice(null);
                } catch {
                  setNotice(t('room.importFailed'));
                }
              }}
            />
          </label>
        </div>
      )}
    </section>
  );
}

function OpenRoom({
  connection,
  onErase,
}: {
  connection: RoomConnection;
  onErase: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const link = useJoinLink(connection);
  const stage = useStage();
  const cards = useIncidentCards();
  const { refusedMessages } = useRoomSnapshot(connection);
  return (
    <div className="live-room__open">
      <div className="live-room__join">
        <JoinAddressChoice />
        {link.qr && <img src={link.qr} alt={t('room.qrAlt')} width={280} height={280} />}
        {link.code && (
          <p className="join-code-shown">
            {t('joinScreen.codeOnConsole')} <code dir="ltr">{formatJoinCode(link.code)}</code>
          </p>
        )}
        <NewJoinCode roomKey={connection.key} />
        <ShowOnProjectorButton
          kind="welcome"
          showing={stage.kind === 'welcome'}
          label={t('joinScreen.show')}
        />
        {link.fingerprint && (
          <p className="certificate-fingerprint">
            {t('room.fingerprint')} <code dir="ltr">{fingerprintGroups(link.fingerprint)}</code>
          </p>
        )}
        <p>
          <strong>{t('room.joinLink')}</strong>
        </p>
        {link.url !== null && (
          <p className="join-link" dir="ltr">
            <code>{link.url}</code>
          </p>
        )}
        {link.url !== null && (
          <details>
            <summary>{t('room.projectorLink')}</summary>
            <p>{t('room.projectorLinkHint')}</p>
            <p className="projector-link" dir="ltr">
              <code>{`${link.base}${projectorPath(connection.room, connection.key, link.admission, link.sealTo)}`}</code>
            </p>
            {link.code && (
              <>
                <p>{t('joinScreen.projectorByCode')}</p>
                <p className="projector-code-link" dir="ltr">
                  <code>{`${link.base}${projectorCodePath(link.code)}`}</code>
                </p>
              </>
            )}
          </details>
        )}
      </div>
      <div className="live-room__people">
        <ParticipantList connection={connection} />
        <p>{t('room.cards', { count: cards.items.length })}</p>
        {cards.dropped > 0 && <p className="note">{t('room.dropped', { count: cards.dropped })}</p>}
        {refusedMessages > 0 && (
          <p className="note">{t('room.refusedMessages', { count: refusedMessages })}</p>
        )}
        <OpenWallSetting />
        <WallPdfButton cards={cards.items} />
        <DiscreetSettings />
        <div className="live-room__actions">
          <RoomFileButton />
          <EraseRoom onErase={onErase} />
        </div>
      </div>
    </div>
  );
}

/**
 * What the console shows phones: the QR code holds the laptop's address and the
 * room's short code only (a phone's History keeps what it opened, so never the key);
 * the full link, with the key and this run's admission secret, is there to copy.
 */
function useJoinLink(connection: RoomConnection): {
  base: string;
  url: string | null;
  qr: string | null;
  code: string | null;
  admission: string | null;
  fingerprint: string | null;
  /** The console's keys as the links carry them (box and verify keys). */
  sealTo: string | null;
} {
  const { base, admission, fingerprint, known } = useJoinAddress();
  const code = useJoinCode(connection.key);
  // The link is shown once the server has answered (a link without the admission secret opens
  // nothing) and the console's public key for the private layer is known (without it a phone
  // could not seal cards).
  const [sealTo, setSealTo] = useState<string | null>(null);
  useEffect(() => {
    void facilitatorBoxFor(connection.room).then((box) => setSealTo(box.linkKeys));
  }, [connection.room]);
  const url =
    known && sealTo
      ? `${base}${joinLinkPath(connection.room, connection.key, admission, sealTo)}`
      : null;
  const qr = useQrCode(known && code ? codeLink(base, code) : null);
  return { base, url, qr, code, admission, fingerprint, sealTo };
}
