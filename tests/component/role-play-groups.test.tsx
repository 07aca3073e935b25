import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { findCase } from '../../src/content/library';
import { newRolePlayRun } from '../../src/domain/rolePlay';
import { preloadContentLibrary } from '../../src/features/common/useContentLibrary';
import PhoneRolePlay from '../../src/features/rolePlay/PhoneRolePlay';
import { RolePlayCast } from '../../src/features/rolePlay/RolePlayCast';
import { useRolePlay } from '../../src/features/rolePlay/useRolePlay';
import { setGroups } from '../../src/sync/groups/groupOperations';
import { joinCast } from '../../src/sync/rolePlay/rolePlayOperations';
import { readCast } from '../../src/sync/roomSchema';
import { linkedPair, renderWithRoom } from '../support/room';

const GROUPS = [
  { id: 'group-aaaa1', number: 1, name: 'Lawyers' },
  { id: 'group-bbbb2', number: 2, name: null },
];

async function rolePlayCase() {
  const library = await preloadContentLibrary();
  const found = findCase(library, 'role-play-followed', 'en');
  if (found?.data.format !== 'roleplay') throw new Error('role-play-followed missing');
  return found.data;
}

function Phone() {
  const snapshot = useRolePlay();
  const run = snapshot.run ?? newRolePlayRun('role-play-followed', 30);
  return (
    <PhoneRolePlay room="room-aaaaaaaa" device="phone-aaaaaaaa" run={run} snapshot={snapshot} />
  );
}

describe('the role-play in the room’s working groups', () => {
  it('has a phone name its group before it takes part, and joins the cast in it', async () => {
    const [doc, peer] = linkedPair();
    setGroups(doc, GROUPS);
    await renderWithRoom(<Phone />, { doc, peer });
    const user = userEvent.setup();
    // The role-play's content note comes first, with the right to pass beside it.
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const takePart = screen.getByRole('button', { name: 'Take part in the role-play' });
    expect(takePart).toBeDisabled();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Your group' }), 'Lawyers');
    await user.click(takePart);
    await waitFor(() =>
      expect(readCast(peer).items).toMatchObject([
        { device: 'phone-aaaaaaaa', number: 1, groupId: 'group-aaaa1' },
      ]),
    );
  });

  it('shows the console each person’s group and which group lacks its witness', async () => {
    const rolePlay = await rolePlayCase();
    const [doc, peer] = linkedPair();
    setGroups(doc, GROUPS);
    joinCast(doc, 'phone-aaaaaaaa', 'group-aaaa1', 1);
    joinCast(doc, 'phone-bbbbbbbb', 'group-bbbb2', 2);
    await renderWithRoom(<RolePlayCast rolePlay={rolePlay} cast={readCast(doc).items} />, {
      doc,
      peer,
    });
    const cast = screen.getByRole('list', { name: 'Who plays whom' });
    expect(cast).toHaveTextContent('Lawyers Person 1');
    expect(cast).toHaveTextContent('Group 2 Person 2');
    expect(screen.getAllByRole('note').map((note) => note.textContent)).toEqual([
      'Lawyers: Witness needs exactly one person (now: 0).',
      'Group 2: Witness needs exactly one person (now: 0).',
    ]);
  });
});
