import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import { listSessions } from '../../src/content/library';
import { NEW_RUN } from '../../src/domain/agendaRun';
import { phoneActivity } from '../../src/domain/phoneView';
import { newDaySettings, planForSettings } from '../../src/domain/workshopDay';
import {
  preloadContentLibrary,
  useContentLibrary,
} from '../../src/features/common/useContentLibrary';
import { updateConsoleDay } from '../../src/features/day/consoleDayStore';
import { RunPanel } from '../../src/features/day/RunPanel';
import { useConsoleDayModel } from '../../src/features/day/useConsoleDayModel';
import { readStage } from '../../src/sync/stage/stageSchema';
import { renderWithI18n } from './render';

// The console's open room, without a network: only its document is read here.
const room = vi.hoisted(() => ({ doc: null as unknown }));
vi.mock('../../src/features/room/consoleRoomStore', () => ({
  useConsoleRoom: () => (room.doc ? { room: 'room-a', key: 'key-a', doc: room.doc } : null),
  useConsoleRoomReopening: () => false,
}));

function Panel() {
  const library = useContentLibrary();
  return <RunPanel api={useConsoleDayModel(library)} now={Date.now()} library={library} />;
}

describe('what the run panel asks of the room', () => {
  it('puts the join screen up and takes it down to the running tool, and asks phones for cards until told to stop', async () => {
    const doc = new Y.Doc();
    room.doc = doc;
    const library = await preloadContentLibrary();
    const sessions = listSessions(library, 'en').map((entry) => entry.data);
    const settings = newDaySettings(['security-incidents'], new Date());
    const current = planForSettings(settings, sessions).findIndex(
      (item) => item.key === 'security-incidents/identifying-incidents',
    );
    updateConsoleDay(() => ({
      settings,
      run: { ...NEW_RUN, status: 'running', current, startedAt: Date.now() },
    }));
    // Awaited act: the asks suspend on their first render (they load with the room), and React
    // retries a render suspended inside a synchronous act only when the act is awaited.
    await act(() => renderWithI18n(<Panel />));
    const user = userEvent.setup();

    // The asks come with the room's code, a moment after the panel.
    await user.click(
      await screen.findByRole(
        'button',
        { name: 'Show the join screen on the projector' },
        { timeout: 10_000 },
      ),
    );
    expect(readStage(doc).kind).toBe('welcome');
    const off = screen.getByRole('button', { name: 'Take the join screen off the projector' });
    expect(off).toHaveAttribute('aria-pressed', 'true');
    await user.click(off);
    // Back to what the agenda runs now: the item's quiz (its stage operations load with the room).
    await waitFor(() =>
      expect(readStage(doc)).toMatchObject({ kind: 'quiz', activity: 'case-analysis-1' }),
    );

    const none = { quizCaseId: null, narrativeCaseId: null, rolePlay: null };
    await user.click(screen.getByRole('button', { name: 'Ask phones for incident cards' }));
    expect(readStage(doc).phones.cards).toBe(true);
    expect(phoneActivity(readStage(doc), none)).toEqual({ kind: 'cards' });
    await user.click(screen.getByRole('button', { name: 'Stop asking phones for cards' }));
    expect(readStage(doc).phones.cards).toBe(false);
    expect(screen.getByRole('button', { name: 'Ask phones for incident cards' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });
});
