import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JoinAddressChoice } from '../../src/features/join/JoinAddressChoice';
import { ProjectorJoinScreen } from '../../src/features/join/ProjectorJoinScreen';
import { forgetWorkshopInfo } from '../../src/sync/admission';
import { JOIN_ADDRESS_STORAGE_KEY, chooseJoinAddress } from '../../src/sync/join/joinAddress';
import { renderWithI18n } from './render';

const key = 'ZyXwVuTsRqPoNmLkJiHgFe';
const SECRET = 'workshop-test-admission-01';
const WIFI = 'https://192.168.1.20:8443/';
const CABLE = 'https://10.0.0.5:8443/';

/** The laptop's server answers /workshop.json with this. */
function serverSays(answer: { lanUrls: string[]; loopbackOnly: boolean }) {
  forgetWorkshopInfo();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url === 'workshop.json'
        ? new Response(JSON.stringify({ ...answer, admission: SECRET, fingerprint: null }))
        : new Response(null, { status: 404 }),
    ),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  forgetWorkshopInfo();
});

/** The console's picker above its QR code, and the projector's join screen, on one laptop. */
function ConsoleAndProjector() {
  return (
    <>
      <JoinAddressChoice />
      <ProjectorJoinScreen roomKey={key} />
    </>
  );
}

/** The address the projector's join screen shows for phones to type. */
const projectorAddress = () => document.querySelector('.join-screen__address')?.textContent ?? '';

describe("the join link's address", () => {
  it('warns that no phone can reach a server on 127.0.0.1, and says how to start it for the Wi-Fi', async () => {
    serverSays({ lanUrls: [], loopbackOnly: true });
    await renderWithI18n(<JoinAddressChoice />);
    expect(
      await screen.findByText(/^Phones cannot reach this laptop: the workshop server listens/),
    ).toHaveTextContent('start it again with npm start, which listens on the Wi-Fi');
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('says when the laptop is on no network the server could offer the phones', async () => {
    serverSays({ lanUrls: [], loopbackOnly: false });
    await renderWithI18n(<JoinAddressChoice />);
    expect(await screen.findByText(/^Phones cannot reach this laptop yet/)).toHaveTextContent(
      "Join the workshop's Wi-Fi",
    );
  });

  it('with one address served, puts it on the projector with no choice and no warning', async () => {
    serverSays({ lanUrls: [WIFI], loopbackOnly: false });
    await renderWithI18n(<ConsoleAndProjector />);
    await waitFor(() => expect(projectorAddress()).toBe('https://192.168.1.20:8443'));
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByText(/Phones cannot reach/)).toBeNull();
  });

  it('on several networks lets the trainer pick it; the projector follows; this laptop keeps it', async () => {
    serverSays({ lanUrls: [CABLE, WIFI], loopbackOnly: false });
    const user = userEvent.setup();
    const { unmount } = await renderWithI18n(<ConsoleAndProjector />);
    const picker = await screen.findByRole('combobox', { name: 'Address in the QR code' });
    expect(picker).toHaveAccessibleDescription(/This laptop is on several networks/);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([CABLE, WIFI]);
    await waitFor(() => expect(projectorAddress()).toBe('https://10.0.0.5:8443'));
    const qr = await screen.findByRole('img', { name: /QR/ });
    const firstQr = qr.getAttribute('src');

    await user.selectOptions(picker, WIFI);
    await waitFor(() => expect(projectorAddress()).toBe('https://192.168.1.20:8443'));
    await waitFor(() =>
      expect(screen.getByRole('img', { name: /QR/ }).getAttribute('src')).not.toBe(firstQr),
    );
    expect(localStorage.getItem(JOIN_ADDRESS_STORAGE_KEY)).toBe(WIFI);

    // The console reloaded: the choice holds.
    unmount();
    forgetWorkshopInfo();
    render(<ConsoleAndProjector />);
    expect(await screen.findByRole('combobox', { name: 'Address in the QR code' })).toHaveValue(
      WIFI,
    );
    await waitFor(() => expect(projectorAddress()).toBe('https://192.168.1.20:8443'));
  });

  it('forgets a choice the server no longer serves (the laptop moved networks)', async () => {
    serverSays({ lanUrls: [CABLE, WIFI], loopbackOnly: false });
    await renderWithI18n(<ConsoleAndProjector />);
    await waitFor(() => expect(projectorAddress()).toBe('https://10.0.0.5:8443'));
    chooseJoinAddress(WIFI);
    await waitFor(() => expect(projectorAddress()).toBe('https://192.168.1.20:8443'));
    // Kept from another network: not an address this server answers on.
    chooseJoinAddress('https://192.168.7.7:8443/');
    await waitFor(() => expect(projectorAddress()).toBe('https://10.0.0.5:8443'));
    expect(screen.getByRole('combobox', { name: 'Address in the QR code' })).toHaveValue(CABLE);
  });
});
