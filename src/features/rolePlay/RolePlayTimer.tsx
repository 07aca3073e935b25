import { useTranslation } from 'react-i18next';
import { timerRemainingMs, type RolePlayTimer as Timer } from '../../domain/rolePlay';
import { Countdown } from '../day/Countdown';
import { useNow } from '../day/useNow';

const WARNING_MS = 5 * 60_000;

/** The meeting's countdown, the same clock face as the day's agenda. */
export function RolePlayTimer({ timer, large = false }: { timer: Timer; large?: boolean }) {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <Countdown
      remainingMs={timerRemainingMs(timer, now)}
      warningMs={WARNING_MS}
      label={t('rolePlay.timerLabel')}
      large={large}
    />
  );
}
