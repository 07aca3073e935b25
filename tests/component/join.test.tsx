import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JoinPage } from '../../src/features/join/JoinPage';
import { renderWithI18n } from './render';

const room = 'AbCdEfGhIjKlMnOpQrStUv';
const key = 'ZyXwVuTsRqPoNmLkJiHgFe';

describe('the join screen', () => {
  it('waits for the facilitator and removes the key from the address bar', async () => {
    window.history.replaceState(null, '', `/#/join/${room}/${key}`);
    await renderWithI18n(<JoinPage room={room} roomKey={key} />);
    expect(screen.getByRole('status')).toHaveTextContent('Waiting for the facilitator');
    expect(screen.getByText(/^Room \u2066ABCDEF\u2069$/)).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/join/${room}`);
  });

  it('says what to do when the link has no key', async () => {
    await renderWithI18n(<JoinPage room={room} roomKey={null} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Scan the QR code');
  });
});
