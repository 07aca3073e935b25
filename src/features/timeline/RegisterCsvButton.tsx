import { useTranslation } from 'react-i18next';
import { download, today } from '../../lib/download';
import { readIncidentCards, readRegisteredIncidents } from '../../sync/roomSchema';
import { useRoomDoc } from '../room/RoomContext';
import { registerCsv } from './registerCsv';

/**
 * The room's incident register as a CSV file: the wall's cards and the incidents the
 * role-play registered, read when the button is pressed. The one place this file is
 * made, wherever it is offered (the timeline, the role-play's conclusion).
 */
export function RegisterCsvButton() {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  return (
    <button
      type="button"
      onClick={() => {
        const csv = registerCsv(
          t,
          readIncidentCards(doc).items,
          readRegisteredIncidents(doc).items,
        );
        download(
          new Blob([csv], { type: 'text/csv;charset=utf-8' }),
          `incident-register-${today()}.csv`,
        );
      }}
    >
      {t('timeline.csv')}
    </button>
  );
}
