import { useEffect, useState, useSyncExternalStore } from 'react';
import QRCode from 'qrcode';
import { fetchWorkshopInfo, type WorkshopInfo } from '../../sync/admission';
import {
  chooseJoinAddress,
  chosenJoinAddress,
  joinBase,
  subscribeJoinAddress,
} from '../../sync/join/joinAddress';

/** Where phones reach this laptop, as the console and the projector show it. */
export type JoinAddress = {
  /** The app's address on the network, ending in "/" (https://192.168.1.20:8443/). */
  base: string;
  /** This run's admission secret, for the full link (on this laptop only). */
  admission: string | null;
  /** The certificate's SHA-256 ("AB:CD:..."), when the server tells it. */
  fingerprint: string | null;
  /** The server has answered (or is known not to): the link can be shown. */
  known: boolean;
  /** The workshop server answered: what it said below is known (not so without it, or off the laptop). */
  server: boolean;
  /** The addresses the server listens on that phones can reach (https://<ip>:<port>/). */
  served: string[];
  /** The server listens on this laptop only (--host 127.0.0.1): no phone can join. */
  loopbackOnly: boolean;
  /** Puts another of `served` into every join link and QR code of this laptop. */
  choose: (url: string) => void;
};

/**
 * The one choice of address for the join QR code and link: the LAN address the trainer
 * picked on this laptop while the server serves it, else its first, when the server tells
 * them (on the laptop itself), else the address this page was opened at (a remote
 * projector was opened at the laptop's LAN address). See sync/joinAddress.joinBase.
 */
export function joinAddressFrom(
  info: WorkshopInfo | null | undefined,
  here: string,
  chosen: string | null = null,
): JoinAddress {
  return {
    base: joinBase(info ?? null, here, chosen),
    admission: info?.admission ?? null,
    fingerprint: info?.fingerprint ?? null,
    known: info !== undefined,
    server: Boolean(info),
    served: info?.lanUrls ?? [],
    loopbackOnly: info?.loopbackOnly ?? false,
    choose: chooseJoinAddress,
  };
}

export function useJoinAddress(): JoinAddress {
  const [info, setInfo] = useState<WorkshopInfo | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void fetchWorkshopInfo().then((answer) => current && setInfo(answer));
    return () => {
      current = false;
    };
  }, []);
  // The projector's window follows the console's picker (the storage event).
  const chosen = useSyncExternalStore(subscribeJoinAddress, chosenJoinAddress);
  return joinAddressFrom(info, `${window.location.origin}${window.location.pathname}`, chosen);
}

/** A QR code of `value` as an SVG data URL, once drawn. */
export function useQrCode(value: string | null): string | null {
  const [qr, setQr] = useState<{ value: string; url: string } | null>(null);
  useEffect(() => {
    if (value === null) return;
    let current = true;
    void QRCode.toString(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(
      (svg) =>
        current &&
        setQr({ value, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
    );
    return () => {
      current = false;
    };
  }, [value]);
  return qr && qr.value === value ? qr.url : null;
}

/**
 * The start of the certificate's SHA-256 fingerprint as four groups of four hex digits
 * ("3F2A 91C0 7B4E D215"): what a person compares with the first bytes their phone's
 * certificate warning shows. 64 bits: an impostor would need about 2^64 certificates.
 */
export function fingerprintGroups(fingerprint: string): string {
  const hex = fingerprint.replace(/:/g, '').slice(0, 16);
  return hex.match(/.{4}/g)?.join(' ') ?? '';
}

/** The address as a person types it: no trailing slash. */
export function addressToType(base: string): string {
  return base.replace(/\/$/, '');
}
