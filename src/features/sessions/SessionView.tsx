import { useTranslation } from 'react-i18next';
import { findCase, findTemplate, listSessions, type Localised } from '../../content/library';
import type { Session } from '../../content/schema';
import { PdfExportButton } from '../../pdf/PdfExportButton';
import { sessionHandouts, sessionNotes, sessionWallSheets } from '../../pdf/sessionKit';
import { useConsoleDay } from '../day/consoleDayStore';
import { sessionSchedule } from './sessionSchedule';
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
  const day = useConsoleDay();
  const sessions = listSessions(library, i18n.language).map((entry) => entry.data);
  const title = (find: typeof findCase | typeof findTemplate) => (id: string) =>
    find(library, id, i18n.language)?.data.title ?? id;
  return (
    <ContentFrame entry={session}>
      <p className="duration">{t('session.durationLong', hoursAndMinutes(data.durationMinutes))}</p>
      <div className="pdf-exports">
        <PdfExportButton
          label={t('pdf.flipcharts')}
          fileName={`flipcharts-${data.id}`}
          sheets={(direction) =>
            sessionWallSheets(
              data,
              library,
              { t, language: i18n.language, direction },
              sessionSchedule(day?.settings, sessions, data.id, t, i18n.language),
            )
          }
          content={session}
        />
        <PdfExportButton
          label={t('pdf.handouts')}
          fileName={`handouts-${data.id}`}
          papers={['A4']}
          sheets={(direction) =>
            sessionHandouts(data, library, { t, language: i18n.language, direction })
          }
          content={session}
        />
        <PdfExportButton
          label={t('pdf.facilitatorNotes')}
          fileName={`facilitator-notes-${data.id}`}
          papers={['A4', 'A3']}
          sheets={(direction) => sessionNotes(data, { t, language: i18n.language, direction })}
          content={session}
        />
      </div>
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
              session={data}
              library={library}
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
