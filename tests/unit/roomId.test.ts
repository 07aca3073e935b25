// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src/lib/route';
import { createRoomCredentials, randomToken } from '../../src/sync/roomId';

describe('room credentials', () => {
  it('are 128-bit base64url tokens a join link accepts', () => {
    const { room, key } = createRoomCredentials();
    expect(room).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(parseRoute(`#/join/${room}/${key}`)).toEqual({ screen: 'join', room, key });
  });

  it('do not repeat', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => randomToken()));
    expect(seen.size).toBe(1000);
  });
});
