import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../content/schema';
import { PointList } from '../common/PointList';
import { StepList } from '../common/StepList';

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
      <StepList steps={item.steps} heading="h5" />
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
