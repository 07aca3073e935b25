import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../content/schema';
import { PointList } from '../common/PointList';

type Props = { item: AgendaItem; caseTitle: (id: string) => string; templateTitle: (id: string) => string };

export function ActivityDetails({ item, caseTitle, templateTitle }: Props) {
  const { t } = useTranslation();
  return (
    <details className="activity">
      <summary>
        <span className="activity__title">{item.title}</span>
        <span className="activity__minutes">{t('session.duration', { count: item.minutes })}</span>
        {item.optional && <span className="tag">{t('agenda.optional')}</span>}
      </summary>
      {item.tool && (
        <p>
          <strong>{t('session.tool')}</strong> {t(`tools.${item.tool}`)}
        </p>
      )}
      <Labelled label={t('session.points')} points={item.points} />
      {item.steps.length > 0 && (
        <>
          <h5>{t('session.steps')}</h5>
          <ol className="steps">
            {item.steps.map((step, index) => (
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
      )}
      <Labelled label={t('session.materials')} points={item.materials} />
      <Labelled label={t('session.linkedCases')} points={item.cases.map(caseTitle)} />
      <Labelled label={t('session.linkedTemplates')} points={item.templates.map(templateTitle)} />
      <Labelled label={t('session.tips')} points={item.tips} />
    </details>
  );
}

function Labelled({ label, points }: { label: string; points: readonly string[] }) {
  if (points.length === 0) return null;
  return (
    <>
      <h5>{label}</h5>
      <PointList points={points} />
    </>
  );
}
