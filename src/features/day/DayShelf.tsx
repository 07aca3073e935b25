import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentLibrary } from '../../content/validate';
import { ActivityNotes } from './ActivityNotes';
import { DayPlanner } from './DayPlanner';
import { DaySchedule } from './DaySchedule';
import { MaterialsChecklist } from './MaterialsChecklist';
import { RunPanel } from './RunPanel';
import type { OpenTool } from './OpenOnEveryScreen';
import { RunSheetExport } from './RunSheetExport';
import { useConsoleDayModel } from './useConsoleDayModel';
import { useNow } from './useNow';
import './day.css';

/** The console's day: plan it on the left, run it on the right. */
export function DayShelf({
  library,
  onOpenTool,
}: {
  library: ContentLibrary;
  onOpenTool?: OpenTool | undefined;
}) {
  const { t } = useTranslation();
  const api = useConsoleDayModel(library);
  const now = useNow();
  const runningKey =
    api.day.run.status === 'running' || api.day.run.status === 'paused'
      ? api.model.plan[api.day.run.current]?.key
      : undefined;
  // Notes the trainer opened stay until the run moves on; then they follow the run.
  const [chosen, setChosen] = useState<{ key: string; during: string | undefined }>();
  const chosenNotes = chosen && chosen.during === runningKey ? chosen.key : undefined;
  const notesKey = chosenNotes ?? runningKey ?? api.model.plan[0]?.key;
  const setChosenNotes = (key: string) => setChosen({ key, during: runningKey });
  return (
    <div className="day">
      <section className="day__plan" aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t('day.planHeading')}</h2>
        <DayPlanner api={api} />
        <DaySchedule api={api} now={now} notesKey={notesKey} onShowNotes={setChosenNotes} />
      </section>
      <div className="day__side">
        <RunPanel api={api} now={now} library={library} onOpenTool={onOpenTool} />
        <ActivityNotes model={api.model} itemKey={notesKey} />
        <MaterialsChecklist model={api.model} />
        <RunSheetExport api={api} />
      </div>
    </div>
  );
}
