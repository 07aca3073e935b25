import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { listSessions } from '../../src/content/library';
import { NEW_RUN } from '../../src/domain/agendaRun';
import { newDaySettings, planForSettings } from '../../src/domain/workshopDay';
import {
  preloadContentLibrary,
  useContentLibrary,
} from '../../src/features/common/useContentLibrary';
import { updateConsoleDay } from '../../src/features/day/consoleDayStore';
import { RunPanel } from '../../src/features/day/RunPanel';
import { useConsoleDayModel } from '../../src/features/day/useConsoleDayModel';
import { renderWithI18n } from './render';

function Panel() {
  const library = useContentLibrary();
  const api = useConsoleDayModel(library);
  return <RunPanel api={api} now={Date.now()} library={library} />;
}

async function runDayAt(itemId: string) {
  const library = await preloadContentLibrary();
  const sessions = listSessions(library, 'en').map((entry) => entry.data);
  const settings = newDaySettings(['security-incidents'], new Date());
  const plan = planForSettings(settings, sessions);
  const current = plan.findIndex((item) => item.key === `security-incidents/${itemId}`);
  updateConsoleDay(() => ({
    settings,
    run: { ...NEW_RUN, status: 'running', current, startedAt: Date.now() },
  }));
}

describe('the run panel', () => {
  it('offers the running activity’s own flipchart, handouts and notes', async () => {
    await runDayAt('identifying-incidents');
    await renderWithI18n(<Panel />);
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { name: "This activity's sheet (PDF)" })).toBeNull();
    await user.click(screen.getByText("This activity's flipchart, handouts and notes"));
    expect(screen.getByRole('button', { name: "This activity's sheet (PDF)" })).toBeEnabled();
    expect(
      screen.getByRole('button', { name: 'Handouts for this session (PDF, A4)' }),
    ).toBeEnabled();
    expect(
      screen.getByRole('button', { name: "This activity's facilitator notes (PDF)" }),
    ).toBeEnabled();
  });

  it('offers none during a break', async () => {
    await runDayAt('break');
    await renderWithI18n(<Panel />);
    expect(screen.getByText(/Break/)).toBeInTheDocument();
    expect(screen.queryByText("This activity's flipchart, handouts and notes")).toBeNull();
  });
});
