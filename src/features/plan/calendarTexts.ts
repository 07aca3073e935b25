import type { TFunction } from 'i18next';
import type { CalendarTexts } from '../../domain/planCalendar';
import type { PlanFormat } from '../../pdf/planFormat';
import { discreetName } from '../../lib/discreetName';

/** The calendar's words in the interface's language. */
export function calendarTexts(t: TFunction, format: Pick<PlanFormat, 'cost'>): CalendarTexts {
  return {
    followUpTitle: (title) =>
      title === '' ? t('plan.ics.followUp') : t('plan.ics.followUpOf', { title }),
    followUpDescription: t('plan.ics.followUpDescription'),
    activityReviewTitle: (activity) => t('plan.ics.activityReview', { activity }),
    activityReviewDescription: (risk, responsible) =>
      t('plan.ics.activityReviewDescription', { risk, responsible }),
    responsibility: (who) => t('plan.ics.responsibility', { who }),
    cost: (amount, note) => t('plan.ics.cost', { cost: format.cost(amount, note) }),
    kind: (kind) => t('plan.ics.kind', { kind: t(`plan.${kind}`) }),
    objective: (text) => t('plan.ics.objective', { text }),
    neutralName: discreetName(),
  };
}
