import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ActivityGate } from '../../src/features/care/ActivityGate';
import { KeepFileDialog } from '../../src/features/care/KeepFileDialog';
import { renderWithI18n } from './render';

describe('keeping the register', () => {
  it('asks who keeps the file, reminds what it holds, and takes only the held entries ticked one by one', async () => {
    const onExport = vi.fn();
    await renderWithI18n(
      <KeepFileDialog
        label="Register (CSV)"
        held={[
          { id: 'card-aaaaaaaa', text: 'Only for you', choice: 'facilitator' },
          { id: 'card-bbbbbbbb', text: 'Count it', choice: 'counted' },
          { id: 'card-cccccccc', text: 'Also only for you', choice: 'facilitator' },
        ]}
        onExport={onExport}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Register (CSV)' }));
    const dialog = screen.getByRole('dialog', { name: 'Who will keep this file?' });
    expect(dialog).toHaveAccessibleDescription(/holds what participants agreed to record/);
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(3);
    for (const box of boxes) expect(box).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Export the file' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Write who will keep the file first.');
    expect(onExport).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Who keeps it (a name or a role)'), 'The coordinator');
    await user.click(screen.getByRole('checkbox', { name: /Count it/ }));
    await user.click(screen.getByRole('button', { name: 'Export the file' }));
    expect(onExport).toHaveBeenCalledTimes(1);
    expect([...(onExport.mock.calls[0]?.[0] as Set<string>)]).toEqual(['card-bbbbbbbb']);
    expect(screen.getByRole('status')).toHaveTextContent('Kept by: The coordinator');
    // Opened again, nothing is ticked from last time.
    await user.click(screen.getByRole('button', { name: 'Register (CSV)' }));
    for (const box of screen.getAllByRole('checkbox')) expect(box).not.toBeChecked();
  });
});

describe('the right to pass', () => {
  it('shows the content note first, and passing sends nothing but what the activity asks', async () => {
    const onPass = vi.fn();
    await renderWithI18n(
      <ActivityGate
        activity="roleplay/component-test"
        pass="observe"
        note="It may bring back hard moments."
        onPass={onPass}
      >
        <button type="button">Take part</button>
      </ActivityGate>,
    );
    const user = userEvent.setup();
    const note = screen.getByRole('region', { name: 'Before this activity' });
    expect(note).toHaveTextContent('It may bring back hard moments.');
    expect(screen.queryByRole('button', { name: 'Take part' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('button', { name: 'Take part' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "I'd rather observe" }));
    expect(onPass).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Take part' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('You are observing this activity');
    await user.click(screen.getByRole('button', { name: 'Take part after all' }));
    // Back in, without the note again.
    expect(screen.getByRole('button', { name: 'Take part' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Before this activity' })).toBeNull();
  });
});
