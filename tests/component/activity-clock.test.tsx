import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findCase, listSessions } from '../../src/content/library';
import { NEW_RUN, type AgendaRun } from '../../src/domain/agendaRun';
import { newRolePlayRun } from '../../src/domain/rolePlay';
import { newDaySettings, planForSettings } from '../../src/domain/workshopDay';
import { preloadContentLibrary } from '../../src/features/common/useContentLibrary';
import { updateConsoleDay, useConsoleDay } from '../../src/features/day/consoleDayStore';
import { RolePlayConsole } from '../../src/features/rolePlay/RolePlayConsole';
import { writeRolePlayRun } from '../../src/sync/rolePlay/rolePlayOperations';
import { linkedPair, renderWithRoom } from '../support/room';

const MIN = 60_000;
const ROLE_PLAY_ITEM = 'security-incidents/assess-and-react';

afterEach(() => vi.useRealTimers());

async function rolePlayCase() {
  const library = await preloadContentLibrary();
  const found = findCase(library, 'role-play-followed', 'en');
  if (found?.data.format !== 'roleplay') throw new Error('role-play-followed missing');
  const sessions = listSessions(library, 'en').map((entry) => entry.data);
  return { rolePlay: found.data, sessions };
}

/** The console's day: "Security incidents", with the run standing as given. */
function planDay(sessions: Parameters<typeof planForSettings>[1], run: (at: number) => AgendaRun) {
  const settings = newDaySettings(['security-incidents'], new Date());
  const plan = planForSettings(settings, sessions);
  updateConsoleDay(() => ({ settings, run: run(plan.findIndex((i) => i.key === ROLE_PLAY_ITEM)) }));
}

/** What the console's day holds now, read the way the run panel reads it. */
let heldDay: ReturnType<typeof useConsoleDay> = null;
function DayProbe() {
  heldDay = useConsoleDay();
  return null;
}

describe('the role-play’s clock', () => {
  it('is the agenda’s while the day runs the role-play: no timer of its own, and Extend extends the agenda item', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date(2026, 10, 23, 11, 30) });
    const { rolePlay, sessions } = await rolePlayCase();
    planDay(sessions, (current) => ({
      ...NEW_RUN,
      status: 'running',
      current,
      startedAt: Date.now() - 10 * MIN,
    }));
    const [doc, peer] = linkedPair();
    writeRolePlayRun(doc, newRolePlayRun(rolePlay.id, 30));
    await renderWithRoom(
      <>
        <RolePlayConsole rolePlay={rolePlay} />
        <DayProbe />
      </>,
      { doc, peer },
    );
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const clock = screen.getByRole('group', { name: "This activity's time" });
    // The agenda gives the item 50 minutes; 10 have gone.
    expect(within(clock).getByRole('timer', { name: /Assessing and reacting/ })).toHaveTextContent(
      '40:00',
    );
    expect(screen.getAllByRole('timer')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Start the timer' })).toBeNull();
    expect(screen.queryByRole('spinbutton', { name: 'Minutes for the role-play' })).toBeNull();

    await user.click(within(clock).getByRole('button', { name: 'Extend' }));
    expect(within(clock).getByRole('timer')).toHaveTextContent(/^45:00$/);
    expect(heldDay?.run.extraMs[ROLE_PLAY_ITEM]).toBe(5 * MIN);

    await user.click(within(clock).getByRole('button', { name: 'Pause' }));
    expect(heldDay?.run.status).toBe('paused');
    await act(() => vi.advanceTimersByTimeAsync(3 * MIN));
    expect(within(clock).getByRole('timer')).toHaveTextContent(/^45:00$/);
    expect(within(clock).getByRole('button', { name: 'Resume' })).toBeInTheDocument();
  });

  it('is the role-play’s own timer, one only, while the day is not running it', async () => {
    const { rolePlay, sessions } = await rolePlayCase();
    planDay(sessions, () => NEW_RUN);
    const [doc, peer] = linkedPair();
    writeRolePlayRun(doc, newRolePlayRun(rolePlay.id, 30));
    await renderWithRoom(<RolePlayConsole rolePlay={rolePlay} />, { doc, peer });
    expect(screen.queryByRole('group', { name: "This activity's time" })).toBeNull();
    expect(screen.getAllByRole('timer')).toHaveLength(1);
    expect(screen.getByRole('timer', { name: 'Time left for the role-play' })).toHaveTextContent(
      '30:00',
    );
    expect(screen.getByRole('button', { name: 'Start the timer' })).toBeInTheDocument();
    expect(screen.getByText(/keeps its own timer/)).toBeInTheDocument();
  });
});
