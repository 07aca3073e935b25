import { useTranslation } from 'react-i18next';
import { phase as phaseOf } from '../../domain/agendaRun';
import { countdownText } from '../../domain/countdown';
import './day.css';

type Props = { remainingMs: number; warningMs: number; label: string; large?: boolean };

/** The current item's countdown: by digits, by colour and by word, never by colour alone. */
export function Countdown({ remainingMs, warningMs, label, large = false }: Props) {
  const { t } = useTranslation();
  const phase = phaseOf(remainingMs, warningMs);
  const { text } = countdownText(remainingMs);
  return (
    <div className={`countdown countdown--${phase}${large ? ' countdown--large' : ''}`}>
      <span role="timer" aria-label={label} className="countdown__digits" dir="ltr">
        {text}
      </span>
      {phase !== 'ok' && (
        <span className="countdown__phase">
          {phase === 'overrun' ? t('run.overrun') : t('run.warning')}
        </span>
      )}
    </div>
  );
}
