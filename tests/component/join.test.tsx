import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { JoinByCode } from '../../src/features/join/JoinByCode';
import { JoinPage } from '../../src/features/join/JoinPage';
import { formatJoinCode, joinCodeFor } from '../../src/sync/join/joinCode';
import type { JoinByCodeResult } from '../../src/sync/join/joinCodeExchange';
import { recall } from '../../src/sync/phoneMemory';
import { welcomeSeen } from '../../src/features/room/phoneWelcome';
import { renderWithI18n } from './render';

// The live room itself is covered by the browser tests; here, only the join screen around it.
// Its code arrives when the first test opens the gate (a phone on a slow network), then at once.
const roomCode = vi.hoisted(() => {
  let open = () => {};
  const arrived = new Promise<void>((done) => {
    open = done;
  });
  return { arrived, open: () => open() };
});
vi.mock('../../src/features/room/PhoneRoom', async () => {
  await roomCode.arrived;
  return { default: ({ room }: { room: string }) => <p>{`in room ${room}`}</p> };
});
const askForLink = vi.fn<(code: string) => Promise<JoinByCodeResult>>();
vi.mock('../../src/sync/join/joinCodeExchange', () => ({
  askForLink: (code: string) => askForLink(code),
}));

const room = 'AbCdEfGhIjKlMnOpQrStUv';
const key = 'ZyXwVuTsRqPoNmLkJiHgFe';

beforeEach(() => {
  askForLink.mockReset();
  sessionStorage.clear();
});

describe('the join screen', () => {
  it('shows the welcome while the live room is still loading, and remembers it was passed there', async () => {
    await renderWithI18n(<JoinPage room={room} roomKey={key} />);
    expect(screen.getByRole('status')).toHaveTextContent('Connecting');
    expect(screen.getByRole('heading', { name: 'Welcome to the workshop' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Go to the workshop' }));
    expect(welcomeSeen(room)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Go to the workshop' })).not.toBeInTheDocument();
    roomCode.open();
    expect(await screen.findByText(`in room ${room}`)).toBeInTheDocument();
  });

  it('keeps a compact header above the room (the projector’s code), and removes the key from the address bar', async () => {
    window.history.replaceState(null, '', `/#/join/${room}/${key}`);
    await renderWithI18n(<JoinPage room={room} roomKey={key} />);
    const code = formatJoinCode(await joinCodeFor(key));
    expect(await screen.findByText(`Room \u2066${code}\u2069`)).toBeInTheDocument();
    // No page heading of its own: the welcome (and then each activity) heads the page.
    expect(screen.queryByRole('heading', { name: 'Join the workshop' })).toBeNull();
    expect(window.location.hash).toBe(`#/join/${room}`);
  });

  it('says what to do when the link has no key', async () => {
    await renderWithI18n(<JoinPage room={room} roomKey={null} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Scan the QR code');
  });
});

describe('joining by the room code', () => {
  it('says what is wrong with a mistyped code before asking anyone', async () => {
    window.history.replaceState(null, '', '/#/c');
    await renderWithI18n(<JoinByCode code={null} />);
    const field = screen.getByLabelText('Room code');
    await userEvent.type(field, 'ACDE-FH3');
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A room code has 8 letters and digits');
    await userEvent.clear(field);
    await userEvent.type(field, 'ACDE-FH30');
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('alert')).toHaveTextContent('only these letters and digits');
    expect(askForLink).not.toHaveBeenCalled();
  });

  it('tells a wrong code and too many tries apart', async () => {
    await renderWithI18n(<JoinByCode code={null} />);
    askForLink.mockResolvedValueOnce({ ok: false, problem: 'wrong-code' });
    await userEvent.type(screen.getByLabelText('Room code'), 'acde fh34');
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No room answers to this code');
    expect(askForLink).toHaveBeenCalledWith('ACDEFH34');
    askForLink.mockResolvedValueOnce({ ok: false, problem: 'too-many-tries' });
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Too many tries from this network'),
    );
  });

  it('joins with the code from the address, keeping the key out of the address and off storage', async () => {
    window.history.replaceState(null, '', '/#/c/ACDEFH34');
    askForLink.mockResolvedValue({ ok: true, room, key, admission: 'admission-secret-0123456' });
    await renderWithI18n(<JoinByCode code="ACDEFH34" />);
    expect(await screen.findByText(`in room ${room}`)).toBeInTheDocument();
    expect(askForLink).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#/c/ACDEFH34');
    expect(recall(room)).toMatchObject({ key, admission: 'admission-secret-0123456' });
    const stored = JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage });
    expect(stored).not.toContain(key);
  });
});
