// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  codeLink,
  codePath,
  isLoopbackHost,
  joinLinkPath,
  parseRoute,
  projectorCodePath,
  projectorPath,
  projectorRoomPath,
} from '../../src/lib/route';

const room = 'AbCdEfGhIjKlMnOpQrStUv';
const key = 'ZyXwVuTsRqPoNmLkJiHgFe';
const admission = 'AdMiSsIoNsEcReT012345678';

describe('parseRoute', () => {
  it('opens the console at the root', () => {
    expect(parseRoute('')).toEqual({ screen: 'console' });
    expect(parseRoute('#/')).toEqual({ screen: 'console' });
  });

  it('opens the projector screen', () => {
    expect(parseRoute('#/screen')).toEqual({ screen: 'projector', room: null, key: null });
    expect(parseRoute(`#/screen/${room}/${key}`)).toEqual({ screen: 'projector', room, key });
    expect(parseRoute(`#/screen/${room}/short`).screen).toBe('not-found');
  });

  it('reads the room and key of a join link', () => {
    expect(parseRoute(`#/join/${room}/${key}`)).toEqual({ screen: 'join', room, key });
    expect(parseRoute(`#/join/${room}`)).toEqual({ screen: 'join', room, key: null });
  });

  it('refuses room ids shorter than 128 bits or with odd characters', () => {
    expect(parseRoute('#/join/short/key').screen).toBe('not-found');
    expect(parseRoute(`#/join/${room}<script>/${key}`).screen).toBe('not-found');
  });

  it("reads the server's admission secret beside the key, and builds links with it", () => {
    expect(parseRoute(joinLinkPath(room, key, admission))).toEqual({
      screen: 'join',
      room,
      key,
      admission,
    });
    expect(parseRoute(`#/join/${room}/${key}/x<y`)).toEqual({ screen: 'join', room, key });
    expect(joinLinkPath(room, key, null)).toBe(`#/join/${room}/${key}`);
    expect(parseRoute(projectorPath(room, key, admission))).toEqual({
      screen: 'projector',
      room,
      key,
      admission,
    });
  });

  it("a projector's address after it read the key names the room only", () => {
    expect(parseRoute(projectorRoomPath(room))).toEqual({ screen: 'projector', room, key: null });
    expect(projectorRoomPath(room)).not.toContain(key);
  });

  it("carries the console's public key for sealing after the secrets, with or without admission", () => {
    const facilitator = 'B'.repeat(87);
    expect(parseRoute(joinLinkPath(room, key, admission, facilitator))).toEqual({
      screen: 'join',
      room,
      key,
      admission,
      facilitator,
    });
    expect(parseRoute(joinLinkPath(room, key, null, facilitator))).toEqual({
      screen: 'join',
      room,
      key,
      facilitator,
    });
    // A malformed public key is left out, never taken for the admission secret.
    expect(parseRoute(`#/join/${room}/${key}/${admission}/f.short`)).toEqual({
      screen: 'join',
      room,
      key,
      admission,
    });
  });

  it('treats a malformed key as no key', () => {
    expect(parseRoute(`#/join/${room}/bad`)).toEqual({ screen: 'join', room, key: null });
  });
});

describe('the short code’s addresses', () => {
  it('opens the page to type the code, with the code the QR code carried', () => {
    expect(parseRoute('#/c')).toEqual({ screen: 'code', code: null });
    expect(parseRoute('#/c/ACDEFH34')).toEqual({ screen: 'code', code: 'ACDEFH34' });
    expect(parseRoute(codePath('ACDEFH34'))).toEqual({ screen: 'code', code: 'ACDEFH34' });
    expect(codeLink('https://192.168.1.20:8443/', 'ACDEFH34')).toBe(
      'https://192.168.1.20:8443/#/c/ACDEFH34',
    );
  });

  it('opens a remote projector that joins by the code', () => {
    expect(parseRoute(projectorCodePath('ACDEFH34'))).toEqual({
      screen: 'projector-code',
      code: 'ACDEFH34',
    });
    expect(parseRoute('#/screen/c/').screen).toBe('not-found');
  });

  it('opens the code page at the bare address on the network, the console on the laptop', () => {
    expect(parseRoute('', false)).toEqual({ screen: 'code', code: null });
    expect(parseRoute('#/', false)).toEqual({ screen: 'code', code: null });
    expect(parseRoute('#/console', false)).toEqual({ screen: 'console' });
    expect(parseRoute('', true)).toEqual({ screen: 'console' });
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('192.168.1.20')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.example.org')).toBe(false);
  });
});
