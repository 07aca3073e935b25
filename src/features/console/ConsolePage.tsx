import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  findCase,
  findSession,
  findTemplate,
  listCases,
  listSessions,
  listTemplates,
} from '../../content/library';
import { useContentLibrary } from '../common/useContentLibrary';
import { useSelectedSession } from '../common/useSelectedSession';
import { ChoiceList } from './ChoiceList';
import { DayShelf } from '../day/DayShelf';
import { RunStrip } from '../day/RunStrip';
import { useConsoleDayModel } from '../day/useConsoleDayModel';
import { useStageFollowsAgenda } from '../day/useStageFollowsAgenda';
import { announceConsoleLanguage, useConsoleDay } from '../day/consoleDayStore';
import { sessionInFocus } from '../../domain/workshopDay';
import type { ToolLaunch } from '../../domain/agendaTools';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { SecondLanguagePicker } from '../projector/SecondLanguagePicker';
import './console.css';
import { ContentOriginProvider } from '../common/ContentText';
import { lazyWithRetry } from '../../lib/lazyWithRetry';

// The Day shelf is the first screen; every other shelf, with Markdown, the slides and the
// tools' consoles, loads when it is opened, so the console's first load stays light.
const SessionView = lazyWithRetry(() =>
  import('../sessions/SessionView').then((m) => ({ default: m.SessionView })),
);
const CaseView = lazyWithRetry(() =>
  import('../cases/CaseView').then((m) => ({ default: m.CaseView })),
);
const CaseRoomPanel = lazyWithRetry(() =>
  import('../quiz/CaseRoomPanel').then((m) => ({ default: m.CaseRoomPanel })),
);
const TemplateView = lazyWithRetry(() =>
  import('../templates/TemplateView').then((m) => ({ default: m.TemplateView })),
);
const LiveRoomPanel = lazyWithRetry(() =>
  import('../room/LiveRoomPanel').then((m) => ({ default: m.LiveRoomPanel })),
);
// The room's parts (care, the day and languages shared through it) come with the room.
const ConsoleRoomParts = lazyWithRetry(() => import('./ConsoleRoomParts'));
const PlanShelf = lazyWithRetry(() =>
  import('../plan/PlanShelf').then((m) => ({ default: m.PlanShelf })),
);

type Shelf = 'day' | 'sessions' | 'cases' | 'plan' | 'templates' | 'room';
const SHELVES: readonly Shelf[] = ['day', 'sessions', 'cases', 'plan', 'templates', 'room'];

export default function ConsolePage() {
  const { t, i18n } = useTranslation();
  const library = useContentLibrary();
  const language = i18n.language;
  const [shelf, setShelf] = useState<Shelf>('day');
  const [sessionId, selectSession] = useSelectedSession();
  const [caseId, setCaseId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);

  const sessions = listSessions(library, language);
  const session = findSession(library, sessionId ?? sessions[0]?.data.id ?? '', language);
  const cases = listCases(library, language);
  const selectedCase = findCase(library, caseId ?? cases[0]?.data.id ?? '', language);
  const templates = listTemplates(library, language);
  const template = findTemplate(library, templateId ?? templates[0]?.data.id ?? '', language);
  const room = useConsoleRoom();
  const day = useConsoleDay();
  const openShelf = (name: Shelf) => {
    // The Sessions shelf opens on the day's session, not on whatever was read last.
    const focus =
      name === 'sessions' && day
        ? sessionInFocus(
            day.settings,
            day.run,
            sessions.map((s) => s.data),
          )
        : undefined;
    if (focus) selectSession(focus);
    setShelf(name);
  };
  useEffect(() => announceConsoleLanguage(language), [language]);
  // The running agenda's "Open on every screen" puts the console on the tool too.
  const openTool = (launch: ToolLaunch) => {
    if ('caseId' in launch) {
      setCaseId(launch.caseId);
      setShelf('cases');
    } else if (launch.kind === 'plan') {
      setShelf('plan');
    } else if (launch.kind === 'slides') {
      selectSession(launch.sessionId);
      setShelf('sessions');
    }
  };
  // The stage follows the agenda from any shelf; a console showing a tool moves on to the next one.
  useStageFollowsAgenda(useConsoleDayModel(library), library, (launch) => {
    if (shelf === 'cases' || shelf === 'plan' || shelf === 'sessions') openTool(launch);
  });

  return (
    <div className="console">
      <nav className="console__nav" aria-label={t('nav.main')}>
        {SHELVES.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={shelf === name}
            onClick={() => openShelf(name)}
          >
            {t(`nav.${name}`)}
          </button>
        ))}
        <button
          type="button"
          className="button--primary"
          onClick={() => window.open('#/screen', 'swk-projector')}
        >
          {t('nav.openProjector')}
        </button>
        <SecondLanguagePicker />
      </nav>
      {room && (
        <Suspense fallback={null}>
          <ConsoleRoomParts room={room} />
        </Suspense>
      )}
      {shelf !== 'day' && <RunStrip library={library} onOpenTool={openTool} />}
      {shelf === 'day' && <DayShelf library={library} onOpenTool={openTool} />}
      {shelf === 'room' && (
        <Loading>
          <LiveRoomPanel />
        </Loading>
      )}
      {shelf === 'plan' && (
        <Loading>
          <PlanShelf library={library} />
        </Loading>
      )}
      {shelf === 'sessions' && (
        <div className="console__shelf">
          <ChoiceList
            label={t('session.listLabel')}
            items={sessions.map((s) => ({
              id: s.data.id,
              title: s.data.title,
              detail: t('session.duration', { count: s.data.durationMinutes }),
            }))}
            selected={session?.data.id}
            onSelect={selectSession}
          />
          {session && (
            <Loading>
              <SessionView session={session} library={library} />
            </Loading>
          )}
        </div>
      )}
      {shelf === 'cases' && (
        <div className="console__shelf">
          <ChoiceList
            label={t('case.listLabel')}
            items={cases.map((c) => ({
              id: c.data.id,
              title: c.data.title,
              detail: t(`case.format.${c.data.format}`),
            }))}
            selected={selectedCase?.data.id}
            onSelect={setCaseId}
          />
          {selectedCase && (
            <div className="case-with-room">
              <Loading>
                <ContentOriginProvider origin={selectedCase}>
                  <CaseRoomPanel data={selectedCase.data} />
                </ContentOriginProvider>
                <CaseView entry={selectedCase} />
              </Loading>
            </div>
          )}
        </div>
      )}
      {shelf === 'templates' && (
        <div className="console__shelf">
          <ChoiceList
            label={t('template.listLabel')}
            items={templates.map((tp) => ({ id: tp.data.id, title: tp.data.title }))}
            selected={template?.data.id}
            onSelect={setTemplateId}
          />
          {template && (
            <Loading>
              <TemplateView entry={template} />
            </Loading>
          )}
        </div>
      )}
    </div>
  );
}

/** A shelf's part while its code loads (the first time it is opened). */
function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p role="status">{t('app.loading')}</p>}>{children}</Suspense>;
}
