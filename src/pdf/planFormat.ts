import type { TFunction } from 'i18next';
import type { PlanMeasure } from '../domain/planSchema';

type Timetable = NonNullable<PlanMeasure['timetable']>;

export function formatDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}

/** How the plan's table and outline word costs, timetables and objectives not yet worded. */
export function planFormat(t: TFunction, language: string, currency: string) {
  const money = (amount: number) =>
    `${currency}${new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(amount)}`;
  return {
    money,
    cost(amount: number | null, note: string): string {
      const base = amount === null ? t('plan.uncosted') : money(amount);
      return note.trim() === '' ? base : `${base} (${note.trim()})`;
    },
    timetable(timetable: Timetable | null, deadline: string | null): string {
      if (!timetable) return t('plan.timetableUnset');
      const unit = (count: number, u: 'week' | 'month') =>
        t(count === 1 ? `plan.one_${u}` : `plan.many_${u}`, { count });
      const by = deadline ? ` (${t('plan.byDate', { date: formatDate(deadline, language) })})` : '';
      if (timetable.kind === 'by')
        return t('plan.byDate', { date: formatDate(timetable.date, language) });
      if (timetable.kind === 'within')
        return `${t('plan.withinText', { period: unit(timetable.count, timetable.unit) })}${by}`;
      return t('plan.everyText', { period: unit(timetable.count, timetable.unit) });
    },
    draft: (text: string) => t('plan.draftObjective', { threat: text }),
    date: (date: string) => formatDate(date, language),
  };
}

export type PlanFormat = ReturnType<typeof planFormat>;
