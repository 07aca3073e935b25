import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { listCases } from '../../src/content/library';
import ConsolePage from '../../src/features/console/ConsolePage';
import { preloadContentLibrary } from '../../src/features/common/useContentLibrary';
import { NarrativeConsole } from '../../src/features/quiz/NarrativeConsole';
import { QuizConsole } from '../../src/features/quiz/QuizConsole';
import { RolePlayConsole } from '../../src/features/rolePlay/RolePlayConsole';
import { TimelineConsole } from '../../src/features/timeline/TimelineConsole';
import { renderWithI18n } from './render';
import { renderWithRoom } from '../support/room';

/** A word that reached the screen with a placeholder left in it: a t() call missing its value. */
function unreplaced(): string[] {
  const text = [document.body.textContent ?? ''];
  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const name of ['aria-label', 'title', 'placeholder'])
      text.push(el.getAttribute(name) ?? '');
  }
  return text.flatMap((t) => t.match(/[^\n]{0,40}\{\{[^\n]{0,40}/g) ?? []);
}

describe('every screen', () => {
  it('shows no unreplaced {{placeholder}} on any of the console’s shelves and their choices', async () => {
    await renderWithI18n(<ConsolePage />);
    const user = userEvent.setup();
    const nav = await screen.findByRole('navigation', { name: 'Main' }, { timeout: 5000 });
    const shelves = within(nav)
      .getAllByRole('button')
      .filter((b) => b.hasAttribute('aria-pressed'));
    expect(shelves.length).toBeGreaterThanOrEqual(6);
    for (const shelf of shelves) {
      await user.click(shelf);
      expect(unreplaced(), shelf.textContent ?? '').toEqual([]);
      const choices = document.querySelectorAll<HTMLButtonElement>('.choices button');
      for (const choice of choices) {
        await user.click(choice);
        expect(unreplaced(), `${shelf.textContent}: ${choice.textContent}`).toEqual([]);
      }
    }
  }, 60_000); // some forty screens, one after the other

  it('shows no unreplaced {{placeholder}} on any case’s room console, opened to the room', async () => {
    const library = await preloadContentLibrary();
    const cases = listCases(library, 'en');
    expect(cases.map((c) => c.data.format)).toEqual(
      expect.arrayContaining(['quiz', 'narrative', 'timeline', 'roleplay']),
    );
    for (const entry of cases) {
      const data = entry.data;
      const view = await renderWithRoom(
        data.format === 'timeline' ? (
          <TimelineConsole />
        ) : data.format === 'roleplay' ? (
          <RolePlayConsole rolePlay={data} />
        ) : data.format === 'quiz' ? (
          <QuizConsole quizCase={data} />
        ) : (
          <NarrativeConsole story={data} />
        ),
      );
      const user = userEvent.setup();
      const open = screen.queryByRole('button', { name: /^Open the role-play/ });
      if (open) {
        await user.click(open);
        // The room's change reaches the screen in its own task.
        await waitFor(() =>
          expect(screen.queryByRole('button', { name: /^Open the role-play/ })).toBeNull(),
        );
      }
      expect(unreplaced(), data.id).toEqual([]);
      // The same console with the agenda back on the projector shows its "show" button instead.
      const back = screen.queryByRole('button', { name: /agenda back on the projector/ });
      if (back) {
        await user.click(back);
        await waitFor(() =>
          expect(screen.queryByRole('button', { name: /agenda back on the projector/ })).toBeNull(),
        );
        expect(unreplaced(), `${data.id}, agenda on the projector`).toEqual([]);
      }
      view.unmount();
      view.doc.destroy();
    }
  });
});
