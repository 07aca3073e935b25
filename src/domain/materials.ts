/**
 * The day's materials checklist: every material the planned activities list,
 * once, with the activities that need it, and a print-out for each linked case.
 */
export type ActivityMaterials = {
  title: string;
  materials: readonly string[];
  cases: readonly string[];
};

export type MaterialNeed = {
  /** Stable across reloads, for the ticked boxes. */
  id: string;
  kind: 'material' | 'case-print-out';
  /** The material's text, or the case id for a print-out. */
  subject: string;
  neededFor: string[];
};

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
}

export function dayMaterials(activities: readonly ActivityMaterials[]): MaterialNeed[] {
  const needs = new Map<string, MaterialNeed>();
  const add = (id: string, kind: MaterialNeed['kind'], subject: string, activity: string) => {
    const need = needs.get(id) ?? { id, kind, subject, neededFor: [] };
    if (!need.neededFor.includes(activity)) need.neededFor.push(activity);
    needs.set(id, need);
  };
  for (const activity of activities) {
    for (const material of activity.materials) {
      add(`material:${normalise(material)}`, 'material', material, activity.title);
    }
    for (const caseId of activity.cases)
      add(`case:${caseId}`, 'case-print-out', caseId, activity.title);
  }
  return [...needs.values()];
}
