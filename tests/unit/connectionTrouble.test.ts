// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { certificateStepsKey } from '../../src/features/room/browserKind';
import { EXPLAIN_AFTER_MS, diagnose } from '../../src/sync/connectionTrouble';
import type { LinkTrouble } from '../../src/sync/roomSocket';

const noAnswer: LinkTrouble = { websocketFailures: 3, httpFailures: 3, httpStatus: 0 };
const at = (link: LinkTrouble | null, linked = false, outFor = EXPLAIN_AFTER_MS) => ({
  inRoom: false,
  linked,
  outSince: 1_000,
  now: 1_000 + outFor,
  link,
});

describe('why a phone is not in the room', () => {
  it('says nothing while in the room, or for the first seconds out of it', () => {
    expect(diagnose({ ...at(noAnswer), inRoom: true })).toBeNull();
    expect(diagnose(at(noAnswer, false, EXPLAIN_AFTER_MS - 1))).toBeNull();
    expect(EXPLAIN_AFTER_MS).toBeLessThanOrEqual(8_000); // within the 10 s promised, with a tick to spare
  });

  it('tells a laptop that does not answer from one that refuses, and from a room without its console', () => {
    expect(diagnose(at(noAnswer))).toBe('unreachable');
    expect(diagnose(at(null))).toBe('unreachable');
    expect(diagnose(at({ ...noAnswer, httpStatus: 403 }))).toBe('refused');
    expect(diagnose(at({ ...noAnswer, httpStatus: 503 }))).toBe('refused');
    expect(diagnose(at({ ...noAnswer, httpStatus: null }))).toBe('unreachable');
    expect(diagnose(at(noAnswer, true))).toBe('no-console');
  });

  it("gives each browser's steps for accepting the laptop's certificate", () => {
    const iphoneChrome =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0 Mobile/15E148 Safari/604.1';
    const android =
      'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0 Mobile Safari/537.36';
    const firefox = 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0';
    const macSafari =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
    expect(certificateStepsKey(iphoneChrome)).toBe('connection.stepsSafari');
    expect(certificateStepsKey(android)).toBe('connection.stepsChrome');
    expect(certificateStepsKey(firefox)).toBe('connection.stepsFirefox');
    expect(certificateStepsKey(macSafari)).toBe('connection.stepsSafari');
  });
});
