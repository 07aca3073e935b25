import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findCase } from '../../content/library';
import type { ContentLibrary } from '../../content/validate';
import type { ToolLaunch } from '../../domain/agendaTools';
import { rolePlayMinutes } from '../../domain/rolePlay';
import type { RoomDoc } from '../../sync/roomDoc';
import { openLaunch } from '../../sync/stage/stageOperations';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { useSlides, writeSlides, type SlidesState } from '../slides/slidesStore';
import { launchLabel } from './launchLabel';
import type { ConsoleDayApi } from './useConsoleDayModel';

/** The console opens the tool beside the agenda (its shelf, its case). */
export type OpenTool = (launch: ToolLaunch) => void;

const HOLD_KEY = 'swk.console.holdProjector';

function readHold(): boolean {
  try {
    return localStorage.getItem(HOLD_KEY) === '1';
  } catch {
    return false;
  }
}

/** Puts one of the agenda item's tools on the projector and the phones, and the console on it. */
function openEverywhere(
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
  openLaunch(doc, launch, { situationIds, rolePlayMinutes: minutes });
}

/**
 * The running item's tools, each one click from every screen: the first is the
 * primary action. When the agenda moves on (Next, Previous, the end of a
 * break), the stage follows to the new item's first tool, a break to the break
 * screen, unless the trainer holds the projector on what it shows.
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
  const [hold, setHold] = useState(readHold);
  const launches = api.model.launches(currentKey);
  const open = (launch: ToolLaunch) => {
    openEverywhere(library, i18n.language, room?.doc ?? null, launch, slides);
    if (launch.kind !== 'break') onOpenTool?.(launch);
  };

  // The stage follows the agenda: only when the running item changes, not on a reload.
  const followed = useRef(currentKey);
  useEffect(() => {
    if (followed.current === currentKey) return;
    followed.current = currentKey;
    const first = launches[0];
    if (!hold && first) openEverywhere(library, i18n.language, room?.doc ?? null, first, slides);
  }, [currentKey, hold, launches, library, i18n.language, room, slides]);

  const tools = launches.filter((launch) => launch.kind !== 'break');
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
      <label className="run__hold">
        <input
          type="checkbox"
          checked={hold}
          onChange={(event) => {
            setHold(event.target.checked);
            try {
              localStorage.setItem(HOLD_KEY, event.target.checked ? '1' : '0');
            } catch {
              // storage refused: the choice lasts this page
            }
          }}
        />
        {t('run.holdProjector')}
      </label>
    </div>
  );
}
