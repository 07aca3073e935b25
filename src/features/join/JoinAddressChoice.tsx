import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useJoinAddress } from './joinAddress';

/**
 * Above the console's QR code: where phones cannot reach the server, says so and how to
 * start it for the Wi-Fi; where the laptop is on several networks, lets the trainer pick the
 * address every join link and QR code of this laptop carries (the projector's too).
 */
export function JoinAddressChoice() {
  const { t } = useTranslation();
  const address = useJoinAddress();
  const selectId = useId();
  const hintId = useId();
  if (!address.server) return null;
  if (address.loopbackOnly)
    return <p className="note join-warning">{t('joinAddress.loopbackOnly')}</p>;
  if (address.served.length === 0)
    return <p className="note join-warning">{t('joinAddress.noNetwork')}</p>;
  if (address.served.length < 2) return null;
  return (
    <div className="field join-address">
      <label htmlFor={selectId}>{t('joinAddress.label')}</label>
      <select
        id={selectId}
        value={address.base}
        dir="ltr"
        aria-describedby={hintId}
        onChange={(event) => address.choose(event.target.value)}
      >
        {address.served.map((url) => (
          <option key={url} value={url}>
            {url}
          </option>
        ))}
      </select>
      <small id={hintId}>{t('joinAddress.hint')}</small>
    </div>
  );
}
