import { describe, expect, it } from 'vitest';
import {
  JOIN_CODE_ALPHABET,
  deriveJoinSecrets,
  formatJoinCode,
  joinCodeFor,
  readJoinCode,
  sealJoinAnswer,
  startJoinAsk,
} from '../../src/sync/join/joinCode';

describe('the room’s short code', () => {
  it('is 8 symbols without look-alikes, the same for the same key and another for another key', async () => {
    const code = await joinCodeFor('a-room-key-of-22-chars');
    expect(code).toMatch(/^[ACDEFHJKMNPRTWXY34679]{8}$/);
    expect(await joinCodeFor('a-room-key-of-22-chars')).toBe(code);
    expect(await joinCodeFor('another-key-of-22-char')).not.toBe(code);
    expect(formatJoinCode(code)).toBe(`${code.slice(0, 4)}-${code.slice(4)}`);
    for (const lookAlike of '0O1IL2Z5S8BGQUV') expect(JOIN_CODE_ALPHABET).not.toContain(lookAlike);
  });

  it('spreads codes over the whole alphabet', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) for (const char of await joinCodeFor(`key-${i}`)) seen.add(char);
    expect(seen.size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it('reads what a person types: small letters, spaces, dashes, Arabic-Indic digits', () => {
    expect(readJoinCode('acde-fh34')).toEqual({ code: 'ACDEFH34' });
    expect(readJoinCode(' ACDE FH34 ')).toEqual({ code: 'ACDEFH34' });
    expect(readJoinCode('ACDE–FH٣٤')).toEqual({ code: 'ACDEFH34' });
    expect(readJoinCode('ACDEFH۳۴')).toEqual({ code: 'ACDEFH34' });
    expect(readJoinCode('ACDEFH3')).toEqual({ problem: 'length' });
    expect(readJoinCode('ACDEFH349')).toEqual({ problem: 'length' });
    expect(readJoinCode('ACDEFH30')).toEqual({ problem: 'symbols' });
    expect(readJoinCode('')).toEqual({ problem: 'length' });
  });
});

describe('the sealed exchange', () => {
  it('opens on the phone that asked, and on no other phone', async () => {
    const secrets = await deriveJoinSecrets('ACDEFHJK', 'nonce-of-this-run');
    const phone = await startJoinAsk(secrets);
    const other = await startJoinAsk(secrets);
    const sealed = await sealJoinAnswer(secrets, phone.publicKey, '#/join/room/key/admission');
    expect(await phone.open(sealed)).toBe('#/join/room/key/admission');
    expect(await other.open(sealed)).toBeNull();
    expect(sealed).not.toContain('key');
  });

  it('derives another topic for another code or another run’s nonce', async () => {
    const one = await deriveJoinSecrets('ACDEFHJK', 'nonce-1');
    expect((await deriveJoinSecrets('ACDEFHJK', 'nonce-1')).topic).toBe(one.topic);
    expect((await deriveJoinSecrets('ACDEFHJM', 'nonce-1')).topic).not.toBe(one.topic);
    expect((await deriveJoinSecrets('ACDEFHJK', 'nonce-2')).topic).not.toBe(one.topic);
    expect(one.topic).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('does not open an answer moved to another topic or tampered with', async () => {
    const secrets = await deriveJoinSecrets('ACDEFHJK', 'nonce-1');
    const phone = await startJoinAsk(secrets);
    const sealed = await sealJoinAnswer(secrets, phone.publicKey, '#/join/room/key');
    const moved = await startJoinAsk({ ...secrets, topic: 'B'.repeat(22) });
    expect(await moved.open(sealed)).toBeNull();
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
    expect(await phone.open(flipped)).toBeNull();
    expect(await phone.open('junk')).toBeNull();
    await expect(sealJoinAnswer(secrets, 'not-a-key', 'x')).rejects.toThrow();
  });
});
