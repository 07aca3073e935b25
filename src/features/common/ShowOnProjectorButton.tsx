import { useTranslation } from 'react-i18next';
import type { StageKind } from '../../domain/stage';
import { showOnProjector } from '../../sync/stage/stageOperations';
import { useRoomDoc } from '../room/RoomContext';

type Props = {
  /** What this tool puts on the projector. */
  kind: StageKind;
  /** The activity it is about (a case id), when it has one. */
  activity?: string | null;
  /** The projector shows it now: the button then puts the agenda back. */
  showing: boolean;
  /** The tool's own words for showing it ("Show the wall on the projector"). */
  label: string;
};

/** One button per tool that puts it on the projector, and takes it off again. */
export function ShowOnProjectorButton({ kind, activity = null, showing, label }: Props) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  return (
    <button
      type="button"
      aria-pressed={showing}
      onClick={() =>
        showing ? showOnProjector(doc, 'agenda') : showOnProjector(doc, kind, activity)
      }
    >
      {showing ? t('projector.backToAgenda') : label}
    </button>
  );
}
