import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { findCase } from '../../src/content/library';
import { emptyRegister } from '../../src/domain/rolePlay';
import { preloadContentLibrary } from '../../src/features/common/useContentLibrary';
import { RolePlayConclusion } from '../../src/features/rolePlay/RolePlayConclusion';
import { RegisterCsvButton } from '../../src/features/timeline/RegisterCsvButton';
import { registerIncident } from '../../src/sync/rolePlay/rolePlayOperations';
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

async function exportRegister() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Incident register (CSV)' }));
  // Before the register leaves, the console asks who will keep it.
  await user.type(screen.getByLabelText('Who keeps it (a name or a role)'), 'The coordinator');
  await user.click(screen.getByRole('button', { name: 'Export the file' }));
}

describe('the incident register’s CSV', () => {
  it('holds the wall’s cards and the registered incidents as the room has them when pressed', async () => {
    const { peer } = await renderWithRoom(<RegisterCsvButton />);
    if (!peer) throw new Error('no peer');
    // Written by other devices after the button was drawn: the file is read at the press.
    addIncidentCard(peer, 'phone-aaaaaaaa', {
      text: 'Laptop stolen',
      severity: 'red',
      month: '2026-02',
    });
    registerIncident(
      peer,
      { ...emptyRegister(), what: 'Van outside the office' },
      { severity: 'yellow' },
    );
    await exportRegister();
    expect(downloads).toHaveLength(1);
    const [file] = downloads;
    expect(file?.name).toBe('incident-register-2026-03-01.csv');
    const text = await file?.blob.text();
    expect(text?.split('\r\n')[0]).toContain('Incident');
    expect(text).toContain('Laptop stolen');
    expect(text).toContain('Van outside the office');
  });

  it('is the same button in the role-play’s conclusion', async () => {
    const library = await preloadContentLibrary();
    const entry = findCase(library, 'role-play-followed', 'en');
    if (entry?.data.format !== 'roleplay') throw new Error('role-play-followed missing');
    const { peer } = await renderWithRoom(
      <RolePlayConclusion
        rolePlay={entry.data}
        form={emptyRegister()}
        points={[]}
        registered={[]}
      />,
    );
    if (!peer) throw new Error('no peer');
    addIncidentCard(peer, 'phone-aaaaaaaa', {
      text: 'Laptop stolen',
      severity: 'red',
      month: '2026-02',
    });
    await exportRegister();
    expect(await downloads[0]?.blob.text()).toContain('Laptop stolen');
  });
});
