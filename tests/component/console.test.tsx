import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LanguagePicker } from '../../src/app/LanguagePicker';
import ConsolePage from '../../src/features/console/ConsolePage';
import { renderWithI18n } from './render';

describe('the facilitator console', () => {
  it('shows a chosen session with its agenda, minutes and total', async () => {
    await renderWithI18n(<ConsolePage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sessions' }, { timeout: 5000 }));
    await user.click(await screen.findByRole('button', { name: /Security incidents/ }));
    // The session's view loads when the shelf first shows one.
    const agenda = await screen.findByRole('table', { name: 'Agenda' }, { timeout: 10_000 });
    expect(within(agenda).getByRole('row', { name: /Introduction/ })).toHaveTextContent('10′');
    expect(within(agenda).getByRole('row', { name: /Break/ })).toHaveTextContent('20′');
    expect(within(agenda).getByRole('row', { name: /Total/ })).toHaveTextContent('140′');
    expect(screen.getByRole('heading', { name: 'Learning objectives' })).toBeInTheDocument();
  });

  it('lists the cases and shows a quiz with its model answers', async () => {
    await renderWithI18n(<ConsolePage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Cases' }, { timeout: 5000 }));
    await user.click(await screen.findByRole('button', { name: /Case analysis 1/ }));
    expect(await screen.findByText('Situation 1.1', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getAllByText('If a group chooses C').length).toBeGreaterThan(0);
  });

  it('shows the plan table template with its columns', async () => {
    await renderWithI18n(<ConsolePage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Templates' }, { timeout: 5000 }));
    await user.click(await screen.findByRole('button', { name: 'Security plan table' }));
    const example = await screen.findByRole(
      'table',
      { name: 'Worked example: A break-in at the office' },
      { timeout: 10_000 },
    );
    const headers = within(example)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual([
      'Comprehensive',
      'Specific',
      'Security measures',
      'Responsibilities',
      'Costs',
      'Timetable',
    ]);
    expect(
      within(example).getByRole('row', { name: /Buy an external hard drive/ }),
    ).toHaveTextContent('$200');
  });
});

describe('the language picker', () => {
  it('switches the page to Arabic, right to left, and remembers it on this device', async () => {
    await renderWithI18n(<LanguagePicker />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ar');
    // Arabic's strings load when chosen: the page turns once they are there.
    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'rtl'));
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(localStorage.getItem('swk.language')).toBe('ar');
    await user.selectOptions(screen.getByRole('combobox'), 'fr');
    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'ltr'));
    expect(await screen.findByRole('combobox', { name: 'Langue' })).toBeInTheDocument();
  });
});
