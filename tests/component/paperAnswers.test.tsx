import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { findCase } from '../../src/content/library';
import { isFromPaper } from '../../src/domain/paper';
import { preloadContentLibrary } from '../../src/features/common/useContentLibrary';
import { QuizConsole } from '../../src/features/quiz/QuizConsole';
import { readQuizAnswers } from '../../src/sync/roomSchema';
import { renderWithRoom } from '../support/room';

describe('answers written on paper cards', () => {
  it('keys a group’s card in (group, situation, option, reason, Enter), marks it as from paper and readies the next', async () => {
    const library = await preloadContentLibrary();
    const entry = findCase(library, 'case-analysis-1', 'en');
    if (entry?.data.format !== 'quiz') throw new Error('case-analysis-1 is not a quiz');
    const { doc } = await renderWithRoom(<QuizConsole quizCase={entry.data} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Form the groups' }));

    const form = within(screen.getByRole('form', { name: 'Answers written on paper cards' }));
    const group = form.getByRole('combobox', { name: 'Group' });
    // Group, situation, answer, reason: the order of the card, for Tab from one to the next.
    expect([...form.getAllByRole('combobox'), form.getByRole('textbox')]).toEqual([
      group,
      form.getByRole('combobox', { name: 'Situation' }),
      form.getByRole('combobox', { name: 'Answer' }),
      form.getByRole('textbox', { name: 'Why' }),
    ]);
    await user.selectOptions(group, 'Group 2');
    await user.selectOptions(form.getByRole('combobox', { name: 'Situation' }), '1.3');
    await user.selectOptions(
      form.getByRole('combobox', { name: 'Answer' }),
      form.getByRole('option', { name: /^C:/ }),
    );
    await user.type(form.getByRole('textbox', { name: 'Why' }), 'Nothing was taken{Enter}');

    expect(form.getByRole('status')).toHaveTextContent('Entered from paper: Group 2, 1.3, C');
    const [answer, ...more] = readQuizAnswers(doc).items;
    expect(more).toEqual([]);
    expect(answer).toMatchObject({
      situationId: '1.3',
      option: 'C',
      justification: 'Nothing was taken',
    });
    expect(isFromPaper(answer?.device ?? '')).toBe(true);
    // Ready for the next card: back on the group, the reason empty, situation and answer kept.
    expect(group).toHaveFocus();
    expect(form.getByRole('textbox', { name: 'Why' })).toHaveValue('');
    expect(form.getByRole('combobox', { name: 'Situation' })).toHaveValue('1.3');
    expect(form.getByRole('combobox', { name: 'Answer' })).toHaveValue('C');
    // The situation's line on the console says a paper card is behind it.
    const row = screen.getByRole('heading', { name: /Situation 1.3/ }).closest('li');
    expect(row).toHaveTextContent(/from paper.*Group 2/);
  });
});
