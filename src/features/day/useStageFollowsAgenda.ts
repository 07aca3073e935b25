import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentLibrary } from '../../content/validate';
import type { ToolLaunch } from '../../domain/agendaTools';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { useSlides } from '../slides/slidesStore';
import { holdingProjector } from './holdProjector';
import { openEverywhere } from './OpenOnEveryScreen';
import type { ConsoleDayApi } from './useConsoleDayModel';

/**
 * The stage follows the agenda, wherever the console is: when the running item
 * changes (Start, Next, Previous, Skip), the projector and phones go to its
 * first tool, a break to the break screen; an item without a tool, and the
 * day's end, show the day on the projector and leave phones nothing to do. Not on a reload, and not
 * while the trainer holds the projector. `onFollow` hears the launch opened,
 * so a console showing a tool can move on to the next one.
 */
export function useStageFollowsAgenda(
  api: ConsoleDayApi,
  library: ContentLibrary,
  onFollow?: (launch: ToolLaunch) => void,
): void {
  const { i18n } = useTranslation();
  const room = useConsoleRoom();
  const [slides] = useSlides();
  const { run } = api.day;
  const active = run.status === 'running' || run.status === 'paused';
  const runningKey = active ? (api.model.plan[run.current]?.key ?? null) : null;
  const finished = run.status === 'finished';
  const followed = useRef(runningKey);
  // Read inside the effect, not as its dependencies: only the item changing moves the stage.
  const latest = useRef({ api, library, room, slides, onFollow, language: i18n.language });
  latest.current = { api, library, room, slides, onFollow, language: i18n.language };
  useEffect(() => {
    if (followed.current === runningKey) return;
    followed.current = runningKey;
    if (holdingProjector()) return;
    const { api: now, library: content, room: open, slides: shown, language } = latest.current;
    const first = runningKey ? now.model.launches(runningKey)[0] : undefined;
    // An item without a tool (run from the notes), and the day's end, put the day on the projector.
    const launch: ToolLaunch | undefined =
      first ?? (runningKey !== null || finished ? { kind: 'discussion' } : undefined);
    if (!launch) return;
    openEverywhere(content, language, open?.doc ?? null, launch, shown);
    if (first && first.kind !== 'break') latest.current.onFollow?.(first);
  }, [runningKey, finished]);
}
