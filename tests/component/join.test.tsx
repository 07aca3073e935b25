import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { JoinPage } from '../../src/features/join/JoinPage';
import { renderWithI18n } from './render';

// The live room itself is covered by the browser tests; here, only the join screen around it.
vi.mock('../../src/features/room/PhoneRoom', () => ({ default: () => null }));

const room = 'AbCdEfGhIjKlMnOpQrStUv';
const key = 'ZyXwVuTsRqPoNmLkJiHgFe';

describe('the join screen', () => {
  it('tells the participant they are anonymous and removes the key from the address bar', async () => {
    window.history.replaceState(null, '', `/#/join/${room}/${key}`);
    await renderWithI18n(<JoinPage room={room} roomKey={key} />);
    expect(screen.getByText(/You are anonymous/)).toBeInTheDocument();
    expect(screen.getByText(/^Room \u2066ABCDEF\u2069$/)).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/join/${room}`);
  });

  it('says what to do when the link has no key', async () => {
    await renderWithI18n(<JoinPage room={room} roomKey={null} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Scan the QR code');
  });
});
