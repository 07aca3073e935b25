import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Session } from '../../content/schema';
import type { ContentLibrary } from '../../content/validate';
import { PdfExportButton } from '../../pdf/PdfExportButton';
import { activityKit } from '../../pdf/sessionKit';
import { PointList } from '../common/PointList';
import { StepList } from '../common/StepList';

type Props = {
  session: Session;
  library: ContentLibrary;
  item: AgendaItem;
  caseTitle: (id: string) => string;
  templateTitle: (id: string) => string;
};

export function ActivityDetails({ session, library, item, caseTitle, templateTitle }: Props) {
  const { t } = useTranslation();
  // The exports render only once the activity is opened: a session has a dozen activities.
  const [open, setOpen] = useState(false);
  return (
    <details className="activity" onToggle={(event) => setOpen(event.currentTarget.open)}>
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
      {open && item.kind === 'activity' && <ActivityExports session={session} library={library} item={item} />}
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

/** This activity's own sheets, beside it: for the wall, for the hands, for the trainer. */
export function ActivityExports({
  session,
  library,
  item,
}: {
  session: Session;
  library: ContentLibrary;
  item: AgendaItem;
}) {
  const { t, i18n } = useTranslation();
  const kit = (direction: 'ltr' | 'rtl') =>
    activityKit(session, item, library, { t, language: i18n.language, direction });
  const sample = {
    wall: item.forParticipants.length > 0 || item.cases.length > 0,
    handouts: item.cases.length > 0 || item.templates.length > 0,
  };
  const name = `${session.id}-${item.id}`;
  return (
    <div className="pdf-exports">
      {sample.wall && (
        <PdfExportButton
          label={t('pdf.activitySheet')}
          fileName={`flipchart-${name}`}
          sheets={(direction) => kit(direction).wall}
        />
      )}
      {sample.handouts && (
        <PdfExportButton
          label={t('pdf.handouts')}
          fileName={`handouts-${name}`}
          papers={['A4']}
          sheets={(direction) => kit(direction).handouts}
        />
      )}
      <PdfExportButton
        label={t('pdf.activityNotes')}
        fileName={`facilitator-notes-${name}`}
        papers={['A4', 'A3']}
        sheets={(direction) => kit(direction).notes}
      />
    </div>
  );
}
