import QRCode from 'qrcode';
import { joinLinkPath, projectorPath } from '../../lib/route';
import { fetchWorkshopInfo } from '../../sync/admission';
import { facilitatorBoxFor } from '../../sync/facilitatorKeys';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eraseRoom, importRoom, startNewRoom } from '../../sync/consoleRoom';
import type { RoomConnection } from '../../sync/roomConnection';
import { setConsoleRoom, useConsoleRoom } from './consoleRoomStore';
import { ParticipantList } from './ParticipantList';
import { EraseRoom } from './EraseRoom';
import { RoomFileButton } from './RoomFileButton';
import { RoomProvider } from './RoomContext';
import { useIncidentCards, useRoomSnapshot } from './useRoom';
import { WallPdfButton } from '../timeline/WallPdfButton';
import './room.css';

export function LiveRoomPanel() {
  const { t } = useTranslation();
  const connection = useConsoleRoom();
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
  const cards = useIncidentCards();
  const { refusedMessages } = useRoomSnapshot(connection);
  return (
    <div className="live-room__open">
      <div className="live-room__join">
        {link.qr && <img src={link.qr} alt={t('room.qrAlt')} width={280} height={280} />}
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
              <code>{`${link.base}${projectorPath(connection.room, connection.key, link.admission)}`}</code>
            </p>
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
        <WallPdfButton cards={cards.items} />
        <div className="live-room__actions">
          <RoomFileButton />
          <EraseRoom onErase={onErase} />
        </div>
      </div>
    </div>
  );
}

/**
 * The link phones open: the laptop's LAN address and this run's admission secret
 * when the server tells them (it tells only this laptop).
 */
function useJoinLink(connection: RoomConnection): {
  base: string;
  url: string | null;
  qr: string | null;
  admission: string | null;
  fingerprint: string | null;
} {
  const [base, setBase] = useState(() => `${window.location.origin}${window.location.pathname}`);
  const [admission, setAdmission] = useState<string | null>(null);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  // The link is shown once the server has answered: a link without the admission secret opens nothing.
  const [known, setKnown] = useState(false);
  // The console's public key for the private layer: a link without it could not seal cards.
  const [sealTo, setSealTo] = useState<string | null>(null);
  const url =
    known && sealTo
      ? `${base}${joinLinkPath(connection.room, connection.key, admission, sealTo)}`
      : null;
  useEffect(() => {
    void facilitatorBoxFor(connection.room).then((box) => setSealTo(box.publicKey));
  }, [connection.room]);
  useEffect(() => {
    void fetchWorkshopInfo().then((info) => {
      const lan = info?.lanUrls[0];
      if (lan) setBase(lan);
      setAdmission(info?.admission ?? null);
      setFingerprint(info?.fingerprint ?? null);
      setKnown(true);
    });
  }, []);
  useEffect(() => {
    if (url === null) return;
    void QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then((svg) =>
      setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
    );
  }, [url]);
  return { base, url, qr, admission, fingerprint };
}

/**
 * The start of the certificate's SHA-256 fingerprint as four groups of four hex digits
 * ("3F2A 91C0 7B4E D215"): what a person compares with the first bytes their phone's
 * certificate warning shows. 64 bits: an impostor would need about 2^64 certificates.
 */
export function fingerprintGroups(fingerprint: string): string {
  const hex = fingerprint.replace(/:/g, '').slice(0, 16);
  return hex.match(/.{4}/g)?.join(' ') ?? '';
}
