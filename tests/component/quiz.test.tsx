import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { findCase } from '../../src/content/library';
import { preloadContentLibrary } from '../../src/features/common/useContentLibrary';
import { QuizConsole } from '../../src/features/quiz/QuizConsole';
import { readQuizAnswers } from '../../src/sync/roomSchema';
import { QuizScreen } from '../../src/features/quiz/QuizScreen';
import { quizStore } from '../../src/sync/quiz/quizStore';
import { openLaunch } from '../../src/sync/stage/stageOperations';
import { linkedPair, renderWithRoom } from '../support/room';

describe('running a quiz without phones', () => {
  it('forms groups, records each group’s answer on the console and says which situation divided the room', async () => {
    const library = await preloadContentLibrary();
    const entry = findCase(library, 'case-analysis-1', 'en');
    if (entry?.data.format !== 'quiz') throw new Error('case-analysis-1 is not a quiz');
    const { doc } = await renderWithRoom(<QuizConsole quizCase={entry.data} />);
    const user = userEvent.setup();

    const count = screen.getByRole('spinbutton', { name: 'Number of groups' });
    await user.clear(count);
    await user.type(count, '3');
    await user.click(screen.getByRole('button', { name: 'Form the groups' }));
    expect(screen.getAllByRole('textbox', { name: /Name of group/ })).toHaveLength(3);
    await user.type(screen.getByRole('textbox', { name: 'Name of group 2' }), 'Lawyers');
    await user.tab();

    // Run two of the five situations.
    for (const id of ['1.3', '1.4', '1.5']) {
      await user.click(screen.getByRole('checkbox', { name: `Situation ${id}` }));
    }
    expect(screen.queryByRole('button', { name: 'Open 1.3 alone' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open 1.1 alone' }));

    const situation = screen.getByRole('heading', { name: /Situation 1.1/ }).closest('li');
    if (!situation) throw new Error('no situation row');
    const record = within(situation);
    await user.click(record.getByText("Record a group's answer"));
    const recorded: [string, string][] = [
      ['Group 1', 'A'],
      ['Lawyers', 'C'],
      ['Group 3', 'A'],
    ];
    for (const [group, option] of recorded) {
      await user.selectOptions(record.getByRole('combobox', { name: 'Group' }), group);
      await user.selectOptions(
        record.getByRole('combobox', { name: 'Answer' }),
        record.getByRole('option', { name: new RegExp(`^${option}:`) }),
      );
      await user.click(record.getByRole('button', { name: 'Record' }));
    }
    expect(situation).toHaveTextContent('3 of 3 groups answered');
    expect(
      readQuizAnswers(doc)
        .items.map((a) => a.option)
        .sort(),
    ).toEqual(['A', 'A', 'C']);

    const summary = screen.getByRole('table', { name: 'Which situations divided the room' });
    expect(within(summary).getByRole('row', { name: /Situation 1.1/ })).toHaveTextContent(
      /Divided.*67% chose the most chosen answer.*A: 2 · B: 0 · C: 1/,
    );
    expect(within(summary).getByRole('row', { name: /Situation 1.2/ })).toHaveTextContent(
      'No answers yet',
    );
  });
});

describe('a quiz the agenda opened before the groups were formed', () => {
  it('says the groups are being formed, never "0 of 0 groups", on the projector and the console', async () => {
    const library = await preloadContentLibrary();
    const entry = findCase(library, 'case-analysis-1', 'en');
    if (entry?.data.format !== 'quiz') throw new Error('case-analysis-1 is not a quiz');
    const [doc, peer] = linkedPair();
    // What an unheld Next onto the quiz item does: the run starts, no situation open yet.
    openLaunch(
      doc,
      { kind: 'quiz', caseId: entry.data.id },
      { situationIds: entry.data.situations.map((s) => s.id), rolePlayMinutes: 30 },
    );
    const snapshot = quizStore.snapshot(doc);
    expect(snapshot.run?.focus).toBeNull();
    await renderWithRoom(
      <>
        <QuizScreen quizCase={entry.data} snapshot={snapshot} />
        <QuizConsole quizCase={entry.data} />
      </>,
      { doc, peer },
    );
    // The projector names the case and says what the room waits for, instead of a blank screen.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(entry.data.title);
    expect(screen.getByText(/Groups are being formed/)).toBeInTheDocument();
    expect(screen.getByText('Form the groups first.')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/0 of 0/);
  });
});
