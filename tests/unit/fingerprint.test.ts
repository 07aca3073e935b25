import { describe, expect, it } from 'vitest';
import { fingerprintGroups } from '../../src/features/join/joinAddress';

describe('the certificate fingerprint beside the QR code', () => {
  it('is the first 64 bits of the SHA-256 as four groups of four hex digits', () => {
    const fingerprint =
      'DE:D7:54:18:9B:67:81:38:F2:E9:A2:DC:23:F9:93:34:63:27:DA:A8:3F:48:99:21:3A:1B:BB:21:37:33:7E:38';
    expect(fingerprintGroups(fingerprint)).toBe('DED7 5418 9B67 8138');
  });
});
