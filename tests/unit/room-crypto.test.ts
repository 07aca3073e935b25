// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deriveRoomKey, openJson, sealJson } from '../../src/sync/roomCrypto';

describe('relay encryption', () => {
  it('opens what the same room key sealed, and hides the text', async () => {
    const key = await deriveRoomKey('the-room-key-aaaaaaaaaa', 'room-id');
    const sealed = await sealJson({ text: 'a man in a white van' }, key);
    expect(sealed).not.toContain('white van');
    expect(await openJson(sealed, key)).toEqual({ text: 'a man in a white van' });
  });

  it('gives nothing to a wrong key, another room, or tampered ciphertext', async () => {
    const key = await deriveRoomKey('right-key-aaaaaaaaaaaaa', 'room-id');
    const sealed = await sealJson({ ok: true }, key);
    expect(
      await openJson(sealed, await deriveRoomKey('wrong-key-aaaaaaaaaaaaa', 'room-id')),
    ).toBeNull();
    expect(
      await openJson(sealed, await deriveRoomKey('right-key-aaaaaaaaaaaaa', 'other')),
    ).toBeNull();
    expect(await openJson(sealed.slice(0, -4) + 'AAAA', key)).toBeNull();
    expect(await openJson('not base64 at all!', key)).toBeNull();
  });
});
