import { useTranslation } from 'react-i18next';
import { findCase } from '../../content/library';
import type { ContentLibrary } from '../../content/validate';
import type { ToolLaunch } from '../../domain/agendaTools';
import { rolePlayMinutes } from '../../domain/rolePlay';
import type { RoomDoc } from '../../sync/roomDoc';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { useSlides, writeSlides, type SlidesState } from '../slides/slidesStore';
import { launchLabel } from './launchLabel';
import type { ConsoleDayApi } from './useConsoleDayModel';
import { setHoldProjector, useHoldProjector } from './holdProjector';

/** The console opens the tool beside the agenda (its shelf, its case). */
export type OpenTool = (launch: ToolLaunch) => void;

/**
 * The stage's operations load with the room layer, not in the console's first load.
 * There is a document only once that layer has loaded, so the wait is a microtask.
 */
const stageOperations = () => import('../../sync/stage/stageOperations');

/** Puts one of the agenda item's tools on the projector and the phones (the stage a moment later). */
export function openEverywhere(
  library: ContentLibrary,
  language: string,
  doc: RoomDoc | null,
  launch: ToolLaunch,
  slides: SlidesState | null,
): void {
  if (launch.kind === 'slides') {
    writeSlides({ sessionId: launch.sessionId, index: 0, showing: true });
  } else if (slides?.showing) {
    writeSlides({ ...slides, showing: false });
  }
  if (!doc) return;
  const found = 'caseId' in launch ? findCase(library, launch.caseId, language) : undefined;
  const situationIds = found?.data.format === 'quiz' ? found.data.situations.map((s) => s.id) : [];
  const minutes =
    found?.data.format === 'roleplay'
      ? rolePlayMinutes(
          Object.values(library.sessions).flatMap((entries) => entries.map((s) => s.data.agenda)),
          found.data.id,
          found.data.minutes,
        )
      : 30;
  void stageOperations().then(({ openLaunch }) =>
    openLaunch(doc, launch, { situationIds, rolePlayMinutes: minutes }),
  );
}

/**
 * The running item's tools, each one click from every screen: the first is the
 * primary action. When the agenda moves on, the stage follows by itself
 * (useStageFollowsAgenda), unless the trainer holds the projector on what it
 * shows (HoldProjector, on the run panel).
 */
export function OpenOnEveryScreen({
  api,
  library,
  currentKey,
  onOpenTool,
}: {
  api: ConsoleDayApi;
  library: ContentLibrary;
  currentKey: string;
  onOpenTool?: OpenTool | undefined;
}) {
  const { t, i18n } = useTranslation();
  const room = useConsoleRoom();
  const [slides] = useSlides();
  const open = (launch: ToolLaunch) => {
    openEverywhere(library, i18n.language, room?.doc ?? null, launch, slides);
    if (launch.kind !== 'break') onOpenTool?.(launch);
  };
  const tools = api.model.launches(currentKey).filter((launch) => launch.kind !== 'break');
  return (
    <div className="run__tools">
      {tools.map((launch, index) => (
        <button
          key={launchLabel(t, api.model, launch)}
          type="button"
          className={index === 0 ? 'button--primary' : undefined}
          onClick={() => open(launch)}
        >
          {t('run.openEverywhere', { tool: launchLabel(t, api.model, launch) })}
        </button>
      ))}
    </div>
  );
}

/** "Hold the projector": before the day starts too (Start opens the first item's tool). */
export function HoldProjector() {
  const { t } = useTranslation();
  const hold = useHoldProjector();
  return (
    <label className="run__hold">
      <input
        type="checkbox"
        checked={hold}
        onChange={(event) => setHoldProjector(event.target.checked)}
      />
      {t('run.holdProjector')}
    </label>
  );
}
