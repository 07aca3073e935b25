import { useTranslation } from 'react-i18next';
import { findCase, findTemplate, type Localised } from '../../content/library';
import type { RolePlayCase, Session } from '../../content/schema';
import { PdfExportButton } from '../../pdf/PdfExportButton';
import { activityStepSheets, sessionIntroSheet, threeStepsSheet } from '../../pdf/sheets';
import type { ContentLibrary } from '../../content/validate';
import { hoursAndMinutes } from '../../domain/agenda';
import { ContentFrame } from '../common/ContentFrame';
import { PointList } from '../common/PointList';
import { Section } from '../common/Section';
import { ActivityDetails } from './ActivityDetails';
import { AgendaTable } from './AgendaTable';
import { SlidesPanel } from '../slides/SlidesPanel';
import './sessions.css';

type Props = { session: Localised<Session>; library: ContentLibrary };

export function SessionView({ session, library }: Props) {
  const { t, i18n } = useTranslation();
  const data = session.data;
  const title = (find: typeof findCase | typeof findTemplate) => (id: string) =>
    find(library, id, i18n.language)?.data.title ?? id;
  return (
    <ContentFrame entry={session}>
      <p className="duration">{t('session.durationLong', hoursAndMinutes(data.durationMinutes))}</p>
      <PdfExportButton
        label={t('pdf.flipcharts')}
        fileName={`flipcharts-${data.id}`}
        sheets={(direction) => {
          const linkedPlays = data.agenda
            .flatMap((item) => item.cases)
            .map((id) => findCase(library, id, i18n.language)?.data)
            .filter((c): c is RolePlayCase => c?.format === 'roleplay');
          return [
            sessionIntroSheet(data, t, direction),
            ...activityStepSheets(data, direction),
            ...linkedPlays.map((play) => threeStepsSheet(play, t, direction)),
          ];
        }}
        content={session}
      />
      <AgendaTable agenda={data.agenda} />
      <SlidesPanel session={session} />
      {data.timingNote && (
        <p className="note" role="note">
          <strong>{t('session.timingNote')}</strong> {data.timingNote}
        </p>
      )}
      <Section heading={t('session.learningObjectives')}>
        <PointList points={data.learningObjectives} />
      </Section>
      {data.keyMessages.length > 0 && (
        <Section heading={t('session.keyMessages')}>
          <PointList points={data.keyMessages} />
        </Section>
      )}
      {data.challenges.length > 0 && (
        <Section heading={t('session.challenges')}>
          <PointList points={data.challenges} />
        </Section>
      )}
      <Section heading={t('session.activities')}>
        {data.agenda
          .filter((item) => item.kind === 'activity')
          .map((item) => (
            <ActivityDetails
              key={item.id}
              item={item}
              caseTitle={title(findCase)}
              templateTitle={title(findTemplate)}
            />
          ))}
      </Section>
      {data.notes.map((note) => (
        <Section key={note.id} heading={note.heading}>
          <PointList points={note.points} />
        </Section>
      ))}
    </ContentFrame>
  );
}
