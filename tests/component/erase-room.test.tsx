import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyRegister } from '../../src/domain/rolePlay';
import { EraseRoom } from '../../src/features/room/EraseRoom';
import { setGroups } from '../../src/sync/groups/groupOperations';
import { addThreat } from '../../src/sync/plan/planOperations';
import { answerSituation } from '../../src/sync/quiz/quizOperations';
import { addRolePoint, registerIncident } from '../../src/sync/rolePlay/rolePlayOperations';
import { ROOM_FILE_FORMAT } from '../../src/sync/roomBackup';
import { addIncidentCard } from '../../src/sync/timeline/cardOperations';
import { renderWithRoom } from '../support/room';

const downloads = vi.hoisted(() => [] as { blob: Blob; name: string }[]);
vi.mock('../../src/lib/download', () => ({
  today: () => '2026-03-01',
  download: (blob: Blob, name: string) => downloads.push({ blob, name }),
}));

beforeEach(() => {
  downloads.length = 0;
});

describe('erasing the room', () => {
  it('lists what goes with counts, offers the room file first, and erases only when confirmed', async () => {
    const onErase = vi.fn(() => Promise.resolve());
    const { peer } = await renderWithRoom(<EraseRoom onErase={onErase} />);
    if (!peer) throw new Error('no peer');
    addIncidentCard(peer, 'phone-aaaaaaaa', {
      text: 'Laptop stolen',
      severity: 'red',
      month: null,
    });
    registerIncident(
      peer,
      { ...emptyRegister(), what: 'Van' },
      { severity: 'red', wallMonth: '2026-02' },
    );
    addThreat(peer, 'Office raid', 'typed');
    addThreat(peer, 'Phone seized', 'typed');
    setGroups(peer, [{ id: 'group-aaaa1', number: 1, name: null }]);
    answerSituation(peer, {
      caseId: 'case-analysis-1',
      situationId: '1.1',
      groupId: 'group-aaaa1',
      option: 'A',
      justification: 'A threat',
      device: 'phone-aaaaaaaa',
    });
    addRolePoint(peer, {
      caseId: 'role-play-followed',
      step: 'analyse',
      part: 'facts',
      text: 'A van',
      device: 'phone-aaaaaaaa',
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Erase the room…' }));
    const dialog = screen.getByRole('alertdialog');
    const list = within(dialog).getByRole('list', { name: 'What erasing takes away' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([
        'Incident cards on the wall: 2',
        'Incidents in the register: 1',
        expect.stringMatching(/^Rows of the security plan .*: 2$/),
        expect.stringMatching(/^What the activities recorded .*: 2$/),
      ]),
    );

    await user.click(within(dialog).getByRole('button', { name: 'Save the room file first' }));
    // Before the file leaves, the console asks who will keep it.
    await user.type(screen.getByLabelText('Who keeps it (a name or a role)'), 'The coordinator');
    await user.click(screen.getByRole('button', { name: 'Export the file' }));
    expect(downloads.map((file) => file.name)).toEqual(['workshop-room-2026-03-01.json']);
    expect(JSON.parse((await downloads[0]?.blob.text()) ?? '{}')).toMatchObject({
      format: ROOM_FILE_FORMAT,
    });
    expect(
      within(dialog).getByText('Saved as workshop-room-2026-03-01.json', { exact: false }),
    ).toBeInTheDocument();
    expect(onErase).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Erase everything' }));
    expect(onErase).toHaveBeenCalledTimes(1);
  });

  it('goes back without erasing', async () => {
    const onErase = vi.fn(() => Promise.resolve());
    await renderWithRoom(<EraseRoom onErase={onErase} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Erase the room…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onErase).not.toHaveBeenCalled();
  });
});
