/**
 * The plan's calendar (RFC 5545): each measure's deadline, each recurring
 * measure, and the follow-up meetings the curricula ask for every two or three
 * weeks. All-day events, so no time zone is guessed. UIDs are random: nothing
 * in the file points back to the room or to anyone's device.
 */
import { addPeriod, measureDeadline, planObjectives, type SecurityPlan } from './securityPlan';
import type { PlanMeasure } from './planSchema';

/**
 * The calendar's words, in the plan's language: the domain writes no sentence
 * of its own, so a Spanish plan gives a Spanish calendar.
 */
export type CalendarTexts = {
  /** The follow-up meetings' title; the plan's title is empty when it has none. */
  followUpTitle(planTitle: string): string;
  followUpDescription: string;
  activityReviewTitle(activity: string): string;
  activityReviewDescription(risk: string, responsible: string): string;
  responsibility(who: string): string;
  cost(amount: number, note: string): string;
  kind(kind: 'preventive' | 'reactive'): string;
  objective(text: string): string;
  /**
   * Discreet mode's neutral workshop name: the calendar is named after it
   * and its product id names no tool.
   */
  neutralName?: string | null;
};

type Options = { now: Date; newUid: () => string; texts: CalendarTexts };
const FOLLOW_UPS = 12;

export function planCalendar(plan: SecurityPlan, { now, newUid, texts }: Options): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const objectiveOf = objectiveTexts(plan);
  const events: string[][] = [];
  const event = (lines: string[]) =>
    events.push(['BEGIN:VEVENT', `UID:${newUid()}`, `DTSTAMP:${stamp}`, ...lines, 'END:VEVENT']);
  for (const measure of plan.measures) {
    const description = describe(measure, objectiveOf.get(measure.id), texts);
    const deadline = measureDeadline(measure, plan.settings.date);
    if (deadline) {
      event([
        `DTSTART;VALUE=DATE:${compact(deadline)}`,
        `SUMMARY:${escapeText(measure.text)}`,
        `DESCRIPTION:${escapeText(description)}`,
      ]);
    } else if (measure.timetable?.kind === 'every') {
      const { count, unit } = measure.timetable;
      event([
        `DTSTART;VALUE=DATE:${compact(plan.settings.date)}`,
        `RRULE:FREQ=${unit === 'week' ? 'WEEKLY' : 'MONTHLY'};INTERVAL=${count}`,
        `SUMMARY:${escapeText(measure.text)}`,
        `DESCRIPTION:${escapeText(description)}`,
      ]);
    }
  }
  const weeks = plan.settings.reviewEveryWeeks;
  event([
    `DTSTART;VALUE=DATE:${compact(addPeriod(plan.settings.date, weeks, 'week'))}`,
    `RRULE:FREQ=WEEKLY;INTERVAL=${weeks};COUNT=${FOLLOW_UPS}`,
    `SUMMARY:${escapeText(texts.followUpTitle(plan.settings.title.trim()))}`,
    `DESCRIPTION:${escapeText(texts.followUpDescription)}`,
  ]);
  for (const activity of plan.activityPlans) {
    if (!activity.reviewed) continue;
    event([
      `DTSTART;VALUE=DATE:${compact(addPeriod(activity.reviewed, 6, 'month'))}`,
      `SUMMARY:${escapeText(texts.activityReviewTitle(activity.activity || '—'))}`,
      `DESCRIPTION:${escapeText(texts.activityReviewDescription(activity.risk, activity.responsible))}`,
    ]);
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    texts.neutralName
      ? 'PRODID:-//Workshop//Plan//EN'
      : 'PRODID:-//Security Workshop Kit//Plan//EN',
    'CALSCALE:GREGORIAN',
    ...(texts.neutralName ? [`X-WR-CALNAME:${escapeText(texts.neutralName)}`] : []),
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

function objectiveTexts(plan: SecurityPlan): Map<string, string> {
  const map = new Map<string, string>();
  for (const o of planObjectives(plan).objectives) {
    for (const m of o.measures) map.set(m.id, o.comprehensive.text ?? o.comprehensive.draftFrom);
  }
  return map;
}

function describe(
  measure: PlanMeasure,
  objective: string | undefined,
  texts: CalendarTexts,
): string {
  return [
    measure.responsibility && texts.responsibility(measure.responsibility),
    measure.cost !== null && texts.cost(measure.cost, measure.costNote),
    measure.kind && texts.kind(measure.kind),
    objective && texts.objective(objective),
  ]
    .filter(Boolean)
    .join('\n');
}

function compact(date: string): string {
  return date.replace(/-/g, '');
}

/** TEXT values escape backslash, semicolon, comma and newline (RFC 5545, 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after a space, never inside a character. */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
