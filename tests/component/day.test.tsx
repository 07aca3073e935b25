import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ConsolePage from '../../src/features/console/ConsolePage';
import { renderWithI18n } from './render';

afterEach(() => {
  vi.useRealTimers();
});

describe('planning and running the day on the console', () => {
  it('plans the security-incidents session with its optional activity, flags the longer session, and runs it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: new Date(2026, 10, 23, 10, 0) });
    await renderWithI18n(<ConsolePage />);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

    const sessions = await screen.findByRole(
      'group',
      { name: 'Sessions in the day, in order' },
      { timeout: 5000 },
    );
    for (const box of within(sessions).getAllByRole('checkbox')) {
      if ((box as HTMLInputElement).checked) await user.click(box);
    }
    await user.click(within(sessions).getByRole('checkbox', { name: /Security incidents/ }));
    fireEvent.change(screen.getByLabelText('Start time'), { target: { value: '10:00' } });

    const agenda = screen.getByRole('table', { name: "The day's agenda" });
    expect(within(agenda).getByRole('row', { name: /Introduction/ })).toHaveTextContent(
      /10:00.*10:10.*10′.*10′/,
    );
    expect(within(agenda).getByRole('row', { name: /Assessing and reacting/ })).toHaveTextContent(
      /11:20.*12:10.*50′.*130′/,
    );
    expect(screen.getByText(/140′ planned; the session states 140′/)).toHaveTextContent('Matches');

    await user.click(
      screen.getByRole('checkbox', {
        name: /Run the optional activity Security incidents in your own environment/,
      }),
    );
    expect(screen.getByRole('note')).toHaveTextContent(
      "20′ more than the session's stated length.",
    );
    expect(within(agenda).getByRole('row', { name: /Assessing and reacting/ })).toHaveTextContent(
      /11:40.*12:30/,
    );

    const breakLength = screen.getByRole('spinbutton', { name: 'Length of Break in minutes' });
    await user.clear(breakLength);
    await user.type(breakLength, '15');
    expect(screen.getByRole('note')).toHaveTextContent(
      "15′ more than the session's stated length.",
    );

    await user.click(screen.getByRole('button', { name: 'Start the day' }));
    expect(screen.getByRole('timer', { name: 'Time left for Introduction' })).toHaveTextContent(
      '10:00',
    );
    await act(() => vi.advanceTimersByTimeAsync(9 * 60_000));
    expect(screen.getByRole('timer')).toHaveTextContent(/^1:0[01]$/); // the display ticks four times a second
    expect(screen.getByText('Nearly up')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(2 * 60_000));
    expect(screen.getByRole('timer')).toHaveTextContent(/^\+(0:59|1:00)$/);
    expect(screen.getByText('Over time')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Extend' })); // 5 more minutes
    expect(screen.getByRole('timer')).toHaveTextContent(/^4:0[01]/);
    await user.click(screen.getByRole('button', { name: 'Next item' }));
    expect(
      screen.getByRole('timer', { name: 'Time left for Identifying security incidents' }),
    ).toHaveTextContent('50:00');
    expect(within(agenda).getByRole('row', { name: /Introduction/ })).toHaveTextContent('took 11′');
    expect(screen.getByText(/behind plan/)).toHaveTextContent('1′ behind plan');
    expect(
      screen.getByRole('heading', { name: 'Notes: Identifying security incidents' }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await act(() => vi.advanceTimersByTimeAsync(5 * 60_000));
    expect(screen.getByRole('timer')).toHaveTextContent('50:00');
    expect(screen.getByText(/behind plan/)).toHaveTextContent('6′ behind plan');
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await user.click(screen.getByRole('button', { name: /^Skip Break$/ }));
    expect(within(agenda).getByRole('row', { name: /Break/ })).toHaveTextContent('Skipped');

    const checklist = screen.getByRole('region', { name: 'Materials for the day' });
    expect(
      within(checklist).getByRole('checkbox', { name: /Red, yellow and green cards/ }),
    ).toBeInTheDocument();
    expect(
      within(checklist).getByRole('checkbox', { name: /Print-outs of the case “Case analysis 1/ }),
    ).toBeInTheDocument();
  });

  it("names on each row of the day's agenda the tool it opens, with its case", async () => {
    await renderWithI18n(<ConsolePage />);
    const agenda = await screen.findByRole(
      'table',
      { name: "The day's agenda" },
      { timeout: 5000 },
    );
    const opens = (row: RegExp) =>
      within(within(agenda).getAllByRole('row', { name: row })[0] as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent);
    expect(opens(/Identifying security incidents/)).toEqual([
      'Quiz: Case analysis 1: incident, threat or just a theft?',
      'Story: Case analysis 2: one week at the office',
    ]);
    expect(opens(/Introduction/)).toEqual(['Slides']);
    expect(opens(/Assessing and reacting/)).toEqual([expect.stringMatching(/^Role-play: /)]);
  });

  it("opens the Sessions shelf on the day's session", async () => {
    await renderWithI18n(<ConsolePage />);
    const user = userEvent.setup();
    const sessions = await screen.findByRole(
      'group',
      { name: 'Sessions in the day, in order' },
      { timeout: 5000 },
    );
    for (const box of within(sessions).getAllByRole('checkbox')) {
      if ((box as HTMLInputElement).checked) await user.click(box);
    }
    await user.click(within(sessions).getByRole('checkbox', { name: /Preparing a security plan/ }));
    await user.click(screen.getByRole('button', { name: 'Sessions' }));
    const list = screen.getByRole('navigation', { name: 'Choose a session' });
    expect(
      within(list)
        .getAllByRole('button', { pressed: true })
        .map((button) => button.textContent),
    ).toEqual([expect.stringMatching(/^Preparing a security plan/)]);
  });

  it('offers the running item its tools, the first as the primary action, and opens the case beside the agenda', async () => {
    await renderWithI18n(<ConsolePage />);
    const user = userEvent.setup();
    const sessions = await screen.findByRole(
      'group',
      { name: 'Sessions in the day, in order' },
      { timeout: 5000 },
    );
    for (const box of within(sessions).getAllByRole('checkbox')) {
      if ((box as HTMLInputElement).checked) await user.click(box);
    }
    await user.click(within(sessions).getByRole('checkbox', { name: /Security incidents/ }));
    // The console's day outlives a test's page (it is the laptop's): without the optional
    // activity another test ran, the role-play comes right after the break.
    const optional = screen.getByRole('checkbox', {
      name: /Run the optional activity Security incidents in your own environment/,
    });
    if ((optional as HTMLInputElement).checked) await user.click(optional);
    // Start this run afresh.
    const reset = screen.queryByRole('button', { name: 'Reset the run…' });
    if (reset) {
      await user.click(reset);
      await user.click(screen.getByRole('button', { name: 'Reset' }));
    }
    await user.click(screen.getByRole('button', { name: 'Start the day' }));
    expect(screen.getByRole('button', { name: 'Open on every screen: Slides' })).toHaveClass(
      'button--primary',
    );
    await user.click(screen.getByRole('button', { name: 'Next item' }));
    const quiz = screen.getByRole('button', {
      name: 'Open on every screen: Quiz: Case analysis 1: incident, threat or just a theft?',
    });
    expect(quiz).toHaveClass('button--primary');
    expect(
      screen.getByRole('button', { name: /^Open on every screen: Story: Case analysis 2/ }),
    ).not.toHaveClass('button--primary');
    await user.click(quiz);
    expect(screen.getByRole('button', { name: 'Cases', pressed: true })).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'Choose a case' }))
        .getAllByRole('button', { pressed: true })
        .map((button) => button.textContent),
    ).toEqual([expect.stringMatching(/^Case analysis 1/)]);

    // On the tool's shelf, the running agenda's band: Next there moves the day, the console
    // stays through the break and follows the agenda to the next tool, Previous goes back.
    const band = screen.getByRole('region', { name: 'The running agenda' });
    expect(band).toHaveTextContent('Now: Identifying security incidents');
    await user.click(within(band).getByRole('button', { name: 'Next item' }));
    expect(band).toHaveTextContent('Now: Break');
    expect(screen.getByRole('button', { name: 'Cases', pressed: true })).toBeInTheDocument();
    await user.click(within(band).getByRole('button', { name: 'Next item' }));
    expect(band).toHaveTextContent('Now: Assessing and reacting');
    const chosenCase = () =>
      within(screen.getByRole('navigation', { name: 'Choose a case' }))
        .getAllByRole('button', { pressed: true })
        .map((button) => button.textContent);
    expect(chosenCase()).toEqual([expect.stringMatching(/^Role-play/)]);
    await user.click(within(band).getByRole('button', { name: 'Previous item' }));
    expect(band).toHaveTextContent('Now: Break');
    // Not on the day's shelf: the band is the run panel there.
    await user.click(screen.getByRole('button', { name: 'Plan & run the day' }));
    expect(screen.queryByRole('region', { name: 'The running agenda' })).toBeNull();
  }, 40_000);
});
