import { useTranslation } from 'react-i18next';
import type { ContentLibrary } from '../../content/validate';
import { setPhoneTasks, showOnProjector } from '../../sync/stage/stageOperations';
import { useRoomDoc } from '../room/RoomContext';
import { useStage } from '../room/useRoom';
import { useSlides } from '../slides/slidesStore';
import { openEverywhere } from './OpenOnEveryScreen';
import type { ConsoleDayApi } from './useConsoleDayModel';
import './agendaRoom.css';

export type Props = { api: ConsoleDayApi; library: ContentLibrary };

/** The run panel's asks of an open room; loaded with the room (see RoomAsks). */
export default function Asks({ api, library }: Props) {
  const { t, i18n } = useTranslation();
  const doc = useRoomDoc();
  const stage = useStage();
  const [slides] = useSlides();
  const { run } = api.day;
  const runningKey =
    run.status === 'running' || run.status === 'paused' ? api.model.plan[run.current]?.key : null;
  const joinShown = stage.kind === 'welcome';
  const leaveJoinScreen = () => {
    // Back to what the agenda runs now; before the day (or with nothing to open), the day itself.
    const launch = runningKey ? api.model.launches(runningKey)[0] : undefined;
    if (launch) openEverywhere(library, i18n.language, doc, launch, slides);
    else showOnProjector(doc, 'agenda');
  };
  const cards = stage.phones.cards;
  return (
    <div className="run__asks" role="group" aria-label={t('run.asks')}>
      <button
        type="button"
        aria-pressed={joinShown}
        onClick={() => (joinShown ? leaveJoinScreen() : showOnProjector(doc, 'welcome'))}
      >
        {joinShown ? t('run.leaveJoinScreen') : t('joinScreen.show')}
      </button>
      <button
        type="button"
        aria-pressed={cards}
        onClick={() => setPhoneTasks(doc, { cards: !cards })}
      >
        {cards ? t('run.stopCards') : t('run.askCards')}
      </button>
    </div>
  );
}
