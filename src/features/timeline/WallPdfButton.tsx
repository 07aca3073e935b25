import { useTranslation } from 'react-i18next';
import { wallMonths, type Severity } from '../../domain/timeline';
import { PdfExportButton } from '../../pdf/PdfExportButton';
import { wallSheet } from '../../pdf/sheets';
import { SEVERITIES, type IncidentCard } from '../../sync/roomSchema';
import { monthLabel } from './useCardDrag';
import { useWallSettings } from './useWall';

/** The wall's PDF, wherever it is offered: what the wall shows, never an author. */
export function WallPdfButton({ cards }: { cards: readonly IncidentCard[] }) {
  const { t, i18n } = useTranslation();
  const settings = useWallSettings();
  return (
    <PdfExportButton
      label={t('pdf.wall')}
      fileName="incident-wall"
      sheets={(direction) => [
        wallSheet(
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
        ),
      ]}
    />
  );
}
