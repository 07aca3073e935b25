import { useTranslation } from 'react-i18next';
import { wallMonths, type Severity } from '../../domain/timeline';
import { PdfExportButton } from '../../pdf/PdfExportButton';
import { wallSheet, type WallAround } from '../../pdf/sheets';
import { credited } from '../../pdf/handouts';
import type { TimelineCase } from '../../content/schema';
import { SEVERITIES, type IncidentCard } from '../../sync/roomSchema';
import { monthLabel } from './useCardDrag';
import { useWallSettings } from './useWall';

/** The wall's PDF, wherever it is offered: what the wall shows, never an author. */
export function WallPdfButton({
  cards,
  around,
  timeline,
}: {
  cards: readonly IncidentCard[];
  /** The facilitator's links and the group's insights, where the wall is run. */
  around?: WallAround;
  /** The timeline case the wall runs, for its credit line and the file name. */
  timeline?: TimelineCase;
}) {
  const { t, i18n } = useTranslation();
  const settings = useWallSettings();
  return (
    <PdfExportButton
      label={t('pdf.wall')}
      fileName={`incident-wall-${timeline?.id ?? 'room'}`}
      sheets={(direction) => {
        const sheet = wallSheet(
          cards,
          {
            months: wallMonths(new Date(), settings.year),
            shown: new Set<Severity>(settings.shown ?? SEVERITIES),
          },
          {
            title: t('timeline.wallHeading'),
            month: (month) => monthLabel(month, i18n.language, 'long'),
            notPlaced: t('timeline.notPlaced'),
          },
          t,
          direction,
          around,
        );
        return timeline ? credited([sheet], t, timeline) : [sheet];
      }}
    />
  );
}
