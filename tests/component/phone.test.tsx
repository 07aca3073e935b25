import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NEW_RUN } from '../../src/domain/agendaRun';
import { newDaySettings } from '../../src/domain/workshopDay';
import { PhoneActivity } from '../../src/features/room/PhoneActivity';
import { PhoneWelcome } from '../../src/features/room/PhoneDay';
import { welcomeSeen } from '../../src/features/room/phoneWelcome';
import { writeAgendaState } from '../../src/sync/day/agendaSchema';
import { renderWithRoom } from '../support/room';

const MINUTE = 60_000;
const cards = {
  room: 'room-d',
  device: 'd1',
  nickname: '',
  onNickname: () => {},
  onWritten: () => {},
  unsent: new Set<string>(),
};

/** A room whose console runs the Security incidents day, now on its item at `current`. */
function roomOnItem(current: number, startedAt: number | null): Y.Doc {
  const doc = new Y.Doc();
  writeAgendaState(doc, {
    settings: newDaySettings(['security-incidents'], new Date()),
    run:
      startedAt === null
        ? NEW_RUN
        : { ...NEW_RUN, status: 'running', current, startedAt, skipped: [] },
    updatedAt: 1,
  });
  return doc;
}

describe('a participant’s phone', () => {
  it('welcomes with the day’s session and what the phone will be asked, then remembers it was seen', async () => {
    const doc = roomOnItem(0, null);
    function Welcome() {
      const [done, setDone] = useState(false);
      return done ? null : <PhoneWelcome room="room-a" onDone={() => setDone(true)} />;
    }
    await renderWithRoom(<Welcome />, { doc });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Security incidents: definition and analysis',
      }),
    ).toBeInTheDocument();
    const tasks = screen.getAllByRole('listitem').map((item) => item.textContent);
    // The timeline is optional and left out of this day: no cards to write.
    expect(tasks).toEqual([
      'answer short situations together with your group',
      'share your thoughts on a story told day by day',
      'take part in a role-play and note what you hear',
    ]);
    expect(screen.getByText(/You are anonymous/)).toBeInTheDocument();
    // What the join header used to say above every view is said here, once.
    expect(screen.getByText(/open this link in a private tab/)).toBeInTheDocument();
    expect(welcomeSeen('room-a')).toBe(false);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Go to the workshop' }));
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(welcomeSeen('room-a')).toBe(true);
  });

  it('says when the break ends and what comes after it', async () => {
    // The break is the third item; it started 5 minutes ago and lasts 20.
    const startedAt = Date.now() - 5 * MINUTE;
    const doc = roomOnItem(2, startedAt);
    await renderWithRoom(<PhoneActivity room="room-b" view={{ kind: 'break' }} cards={cards} />, {
      doc,
    });
    const back = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(
      startedAt + 20 * MINUTE,
    );
    expect(
      await screen.findByRole('heading', { name: `We are on a break, back at ${back}` }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Next: Assessing and reacting to security incidents'),
    ).toBeInTheDocument();
  });

  it('follows the projector with what is on now, and has no form to fill', async () => {
    const doc = roomOnItem(0, Date.now());
    await renderWithRoom(<PhoneActivity room="room-c" view={{ kind: 'follow' }} cards={cards} />, {
      doc,
    });
    expect(
      await screen.findByRole('heading', { name: 'Follow the projector' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('On now: Introduction')).toBeInTheDocument());
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('writes cards only while the timeline is on, inside the one activity frame', async () => {
    await renderWithRoom(<PhoneActivity room="room-d" view={{ kind: 'cards' }} cards={cards} />);
    const writer = screen.getByRole('region', { name: 'Write an incident card' });
    expect(writer).toContainElement(
      screen.getByRole('textbox', { name: /^What happened\? A few words\./ }),
    );
    expect(screen.getByRole('region', { name: 'Your cards' })).toHaveTextContent(
      'You have not written any card yet.',
    );
  });
});
