import { useTranslation } from 'react-i18next';
import * as agendaRun from '../../domain/agendaRun';
import { newDaySettings, planForSettings, type DaySettings } from '../../domain/workshopDay';
import { listSessions } from '../../content/library';
import type { ContentLibrary } from '../../content/validate';
import { updateConsoleDay, useConsoleDay, type ConsoleDay } from './consoleDayStore';
import { dayModel, type DayModel } from './dayModel';

type RunAction = (
  run: agendaRun.AgendaRun,
  plan: ReturnType<typeof planForSettings>,
  now: number,
) => agendaRun.AgendaRun;

export type ConsoleDayApi = {
  day: ConsoleDay;
  model: DayModel;
  changeSettings(edit: (settings: DaySettings) => DaySettings): void;
  act(action: RunAction): void;
};

/** The console's day with its derived model, and the two ways to change it. */
export function useConsoleDayModel(library: ContentLibrary): ConsoleDayApi {
  const { i18n } = useTranslation();
  const stored = useConsoleDay();
  const sessions = listSessions(library, i18n.language).map((entry) => entry.data);
  const fallback: ConsoleDay = {
    settings: newDaySettings(
      sessions.slice(0, 1).map((s) => s.id),
      new Date(),
    ),
    run: agendaRun.NEW_RUN,
    updatedAt: 0,
  };
  const day = stored ?? fallback;
  const model = dayModel(library, i18n.language, day.settings);

  const changeSettings = (edit: (settings: DaySettings) => DaySettings) =>
    updateConsoleDay((latest) => {
      const base = latest ?? fallback;
      const settings = edit(base.settings);
      const oldPlan = planForSettings(base.settings, sessions);
      const newPlan = planForSettings(settings, sessions);
      return { settings, run: agendaRun.rebaseRun(base.run, oldPlan, newPlan, Date.now()) };
    });

  const act = (action: RunAction) =>
    updateConsoleDay((latest) => {
      const base = latest ?? fallback;
      const plan = planForSettings(base.settings, sessions);
      return { settings: base.settings, run: action(base.run, plan, Date.now()) };
    });

  return { day, model, changeSettings, act };
}
