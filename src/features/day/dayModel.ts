/**
 * Everything the console and the projector show about the day, derived from the
 * stored settings and run with the content library in the screen's language.
 */
import { listCases, listSessions } from '../../content/library';
import type { AgendaItem, Session } from '../../content/schema';
import type { ContentLibrary } from '../../content/validate';
import type { PlannedItem } from '../../domain/dayPlan';
import { itemKey } from '../../domain/dayPlan';
import { dayMaterials, type MaterialNeed } from '../../domain/materials';
import { planForSettings, type DaySettings } from '../../domain/workshopDay';

export type DayItem = { planned: PlannedItem; item: AgendaItem; session: Session };

export type DayModel = {
  sessions: Session[];
  plan: PlannedItem[];
  /** The agenda item and session behind each key of the day (planned or not). */
  lookup: (key: string) => { item: AgendaItem; session: Session } | undefined;
  caseTitle: (id: string) => string;
  materials: () => MaterialNeed[];
};

export function dayModel(
  library: ContentLibrary,
  language: string,
  settings: DaySettings,
): DayModel {
  const sessions = listSessions(library, language).map((entry) => entry.data);
  const plan = planForSettings(settings, sessions);
  const byKey = new Map<string, { item: AgendaItem; session: Session }>();
  for (const session of sessions) {
    for (const item of session.agenda) byKey.set(itemKey(session.id, item.id), { item, session });
  }
  const cases = listCases(library, language);
  const caseTitle = (id: string) => cases.find((c) => c.data.id === id)?.data.title ?? id;
  const lookup = (key: string) => byKey.get(key);
  const materials = () =>
    dayMaterials(
      plan.flatMap((planned) => {
        const found = lookup(planned.key);
        return found ? [found.item] : [];
      }),
    );
  return { sessions, plan, lookup, caseTitle, materials };
}

export function titleOf(model: DayModel, key: string | undefined): string {
  return (key && model.lookup(key)?.item.title) || '';
}
