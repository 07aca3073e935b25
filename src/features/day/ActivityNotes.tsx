import { useTranslation } from 'react-i18next';
import { PointList } from '../common/PointList';
import { StepList } from '../common/StepList';
import type { DayModel } from './dayModel';

type Props = { model: DayModel; itemKey: string | undefined };

/** Beside the running agenda: what the session says to cover, bring and watch for. */
export function ActivityNotes({ model, itemKey }: Props) {
  const { t } = useTranslation();
  const found = itemKey ? model.lookup(itemKey) : undefined;
  if (!found) return null;
  const { item, session } = found;
  const labelled: [string, readonly string[]][] = [
    [t('session.points'), item.points],
    [t('session.materials'), item.materials],
    [t('session.linkedCases'), item.cases.map(model.caseTitle)],
    [t('session.tips'), item.tips],
    [t('notes.challenges'), item.kind === 'activity' ? session.challenges : []],
  ];
  const shown = labelled.filter(([, points]) => points.length > 0);
  return (
    <section className="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('notes.forItem', { title: item.title })}</h2>
      <StepList steps={item.steps} heading="h3" />
      {shown.map(([label, points]) => (
        <div key={label}>
          <h3>{label}</h3>
          <PointList points={points} />
        </div>
      ))}
      {shown.length === 0 && item.steps.length === 0 && (
        <p>{item.kind === 'break' ? t('notes.breakNote') : t('notes.none')}</p>
      )}
    </section>
  );
}
