import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../content/schema';

/** An activity's numbered steps, with their minutes and details. */
export function StepList({ steps, heading }: { steps: AgendaItem['steps']; heading: 'h3' | 'h5' }) {
  const { t } = useTranslation();
  if (steps.length === 0) return null;
  const Heading = heading;
  return (
    <>
      <Heading>{t('session.steps')}</Heading>
      <ol className="steps">
        {steps.map((step, index) => (
          <li key={index}>
            <strong>{step.title}</strong>
            {step.minutes !== undefined && (
              <span className="tag">{t('session.stepMinutes', { count: step.minutes })}</span>
            )}
            {step.detail && <p>{step.detail}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
