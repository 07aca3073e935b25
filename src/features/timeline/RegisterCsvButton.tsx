import { useTranslation } from 'react-i18next';
import { entriesToTake } from '../../domain/care';
import { download, today } from '../../lib/download';
import { readIncidentCards, readRegisteredIncidents } from '../../sync/roomSchema';
import { KeepFileDialog } from '../care/KeepFileDialog';
import { heldAsRegisterCard, useHeldCards } from '../care/useHeldCards';
import { useRoomDoc } from '../room/RoomContext';
import { registerCsv } from './registerCsv';

/**
 * The room's incident register as a CSV file: the wall's cards and the incidents the
 * role-play registered, read when it is exported. The one place this file is
 * made, wherever it is offered (the timeline, the role-play's conclusion). The
 * console first asks who will keep it; cards their authors kept off the wall
 * (facilitator only, counted) go only when ticked one by one.
 */
export function RegisterCsvButton() {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const held = useHeldCards();
  return (
    <KeepFileDialog
      label={t('timeline.csv')}
      held={held}
      onExport={(ticked) => {
        const csv = registerCsv(
          t,
          [...readIncidentCards(doc).items, ...entriesToTake(held, ticked).map(heldAsRegisterCard)],
          readRegisteredIncidents(doc).items,
        );
        download(
          new Blob([csv], { type: 'text/csv;charset=utf-8' }),
          `incident-register-${today()}.csv`,
        );
      }}
    />
  );
}
