import type { TFunction } from 'i18next';
import { dayStartsAt, planForSettings, planRows, type DaySettings } from '../../domain/workshopDay';
import type { SessionAgenda } from '../../domain/dayPlan';
import { formatClock } from '../day/useNow';

/** A session's items on the day's clock ("09:10–10:00"), or none when the day does not run it. */
export function sessionSchedule(
  settings: DaySettings | undefined,
  sessions: readonly SessionAgenda[],
  sessionId: string,
  t: TFunction,
  language: string,
): { itemId: string; clock: string }[] {
  if (!settings?.sessionIds.includes(sessionId)) return [];
  return planRows(planForSettings(settings, sessions), dayStartsAt(settings))
    .filter((row) => row.sessionId === sessionId)
    .map((row) => ({
      itemId: row.itemId,
      clock: t('day.clockRange', {
        start: formatClock(row.startsAt, language),
        end: formatClock(row.endsAt, language),
      }),
    }));
}
