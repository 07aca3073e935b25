import type { TFunction } from 'i18next';
import type { RegisteredIncident } from '../../domain/rolePlay';
import { incidentRegisterCsv, type TimelineCard } from '../../domain/timeline';

/** The room's incident register in the interface's language: the wall's cards and the registered incidents. */
export function registerCsv(
  t: TFunction,
  cards: readonly TimelineCard[],
  registered: readonly RegisteredIncident[],
): string {
  return incidentRegisterCsv(
    cards,
    {
      month: t('timeline.csvMonth'),
      severity: t('timeline.csvSeverity'),
      incident: t('timeline.csvIncident'),
      where: t('record.where'),
      involved: t('record.who'),
      reporter: t('record.reporter'),
      note: t('timeline.csvNote'),
      author: t('timeline.csvAuthor'),
    },
    (s) => t(`severity.${s}`),
    registered,
  );
}
