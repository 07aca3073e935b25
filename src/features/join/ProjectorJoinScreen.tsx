import { useTranslation } from 'react-i18next';
import { useDiscreetName } from '../../lib/discreetName';
import { codeLink } from '../../lib/route';
import { formatJoinCode } from '../../sync/join/joinCode';
import { addressToType, fingerprintGroups, useJoinAddress, useQrCode } from './joinAddress';
import { useJoinCode } from './useJoinCode';
import { useRoomFingerprint } from './NewJoinCode';
import './join.css';

/**
 * The room's join screen on the projector: the QR code large (it holds the address
 * and the short code, never the key), the address and the code to type, the
 * certificate's fingerprint to compare, and the private-tab advice. Nothing else.
 */
export function ProjectorJoinScreen({ roomKey }: { roomKey: string }) {
  const { t } = useTranslation();
  const address = useJoinAddress();
  // A projector on another device is not told the fingerprint by the server: the console's
  // signed copy in the room is what it shows (the laptop's own window gets both, the same).
  const published = useRoomFingerprint();
  const fingerprint = address.fingerprint ?? published;
  const code = useJoinCode(roomKey);
  const neutral = useDiscreetName();
  const qr = useQrCode(code && address.known ? codeLink(address.base, code) : null);
  return (
    <div className="projector join-screen">
      <div className="join-screen__qr">{qr && <img src={qr} alt={t('joinScreen.qrAlt')} />}</div>
      <div className="join-screen__text">
        {/* In discreet mode the room's opening screen says the neutral name first. */}
        {neutral ? (
          <>
            <h1>{neutral}</h1>
            <p className="join-screen__label">{t('joinScreen.title')}</p>
          </>
        ) : (
          <h1>{t('joinScreen.title')}</h1>
        )}
        <p className="join-screen__label">{t('joinScreen.open')}</p>
        {/* Left to right inside the page's direction: in Arabic it starts at the right like the rest. */}
        <p className="join-screen__address">
          <span dir="ltr">{address.known ? addressToType(address.base) : null}</span>
        </p>
        <p className="join-screen__label">{t('joinScreen.typeCode')}</p>
        <p className="join-screen__code">
          <span dir="ltr">{code && formatJoinCode(code)}</span>
        </p>
        {fingerprint && (
          <p className="join-screen__fingerprint">
            {t('joinScreen.fingerprint')} <span dir="ltr">{fingerprintGroups(fingerprint)}</span>
          </p>
        )}
        <p className="join-screen__private">{t('joinScreen.privateTab')}</p>
      </div>
    </div>
  );
}
