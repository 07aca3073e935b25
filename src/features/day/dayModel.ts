/**
 * Everything the console and the projector show about the day, derived from the
 * stored settings and run with the content library in the screen's language.
 */
import { listCases, listSessions, listTemplates } from '../../content/library';
import type { AgendaItem, Session } from '../../content/schema';
import type { ContentLibrary } from '../../content/validate';
import { launchesFor, type ToolLaunch } from '../../domain/agendaTools';
import type { PlannedItem } from '../../domain/dayPlan';
import { itemKey } from '../../domain/dayPlan';
import { dayMaterials, type MaterialNeed } from '../../domain/materials';
import { planForSettings, type DaySettings } from '../../domain/workshopDay';
import type { ContentOrigin } from '../common/ContentText';

export type DayItem = { planned: PlannedItem; item: AgendaItem; session: Session };

export type DayModel = {
  sessions: Session[];
  /**
   * The language each session's content was found in, by session id: a session
   * missing in the screen's language is shown in English, and its screens say so.
   */
  origin: (sessionId: string) => ContentOrigin | undefined;
  plan: PlannedItem[];
  /** The agenda item and session behind each key of the day (planned or not). */
  lookup: (key: string) => { item: AgendaItem; session: Session } | undefined;
  caseTitle: (id: string) => string;
  templateTitle: (id: string) => string;
  /** The screens the item of this key opens for the room (see domain/agendaTools). */
  launches: (key: string) => ToolLaunch[];
  materials: () => MaterialNeed[];
};

export function dayModel(
  library: ContentLibrary,
  language: string,
  settings: DaySettings,
): DayModel {
  const localised = listSessions(library, language);
  const sessions = localised.map((entry) => entry.data);
  const origin = (sessionId: string): ContentOrigin | undefined => {
    const found = localised.find((entry) => entry.data.id === sessionId);
    return found ? { lang: found.lang, fallback: found.fallback } : undefined;
  };
  const plan = planForSettings(settings, sessions);
  const byKey = new Map<string, { item: AgendaItem; session: Session }>();
  for (const session of sessions) {
    for (const item of session.agenda) byKey.set(itemKey(session.id, item.id), { item, session });
  }
  const cases = listCases(library, language);
  const caseTitle = (id: string) => cases.find((c) => c.data.id === id)?.data.title ?? id;
  const templates = listTemplates(library, language);
  const templateTitle = (id: string) => templates.find((tp) => tp.data.id === id)?.data.title ?? id;
  const lookup = (key: string) => byKey.get(key);
  const launches = (key: string) => {
    const found = lookup(key);
    if (!found) return [];
    return launchesFor(
      found.item,
      found.session.id,
      (id) => cases.find((c) => c.data.id === id)?.data.format,
    );
  };
  const materials = () =>
    dayMaterials(
      plan.flatMap((planned) => {
        const found = lookup(planned.key);
        return found ? [found.item] : [];
      }),
    );
  return { sessions, origin, plan, lookup, caseTitle, templateTitle, launches, materials };
}

export function titleOf(model: DayModel, key: string | undefined): string {
  return (key && model.lookup(key)?.item.title) || '';
}
