// @vitest-environment node
/**
 * "Unless the trainer wants it": discreet mode's switch that keeps the topic's
 * words in the content while the name stays neutral. Room state every peer
 * reads through the same validated value as the name; off by default and for
 * a room made before the switch existed.
 */
import { describe, expect, it } from 'vitest';
import { isDiscreet, usesNeutralWords } from '../../src/domain/care';
import { ROOM_MAPS } from '../../src/sync/schemaParts';
import { readCare, setDiscreet } from '../../src/sync/care/careSchema';
import { linkedPair } from '../support/peers';

describe('keeping the topic words in discreet mode', () => {
  it('is off by default: a discreet room reads with neutral words', () => {
    const [consoleDoc, phone] = linkedPair();
    setDiscreet(consoleDoc, { on: true, name: 'Team meeting' });
    const discreet = readCare(phone).discreet;
    expect(discreet).toEqual({ on: true, name: 'Team meeting' });
    expect(usesNeutralWords(discreet)).toBe(true);
  });

  it('reaches every peer when the trainer ticks it; the name stays neutral', () => {
    const [consoleDoc, phone] = linkedPair();
    setDiscreet(consoleDoc, { on: true, name: 'Team meeting', keepWords: true });
    const discreet = readCare(phone).discreet;
    expect(discreet).toEqual({ on: true, name: 'Team meeting', keepWords: true });
    expect(isDiscreet(discreet)).toBe(true);
    expect(usesNeutralWords(discreet)).toBe(false);
    // Unticked again, the words are neutral again.
    setDiscreet(consoleDoc, { ...discreet, keepWords: false });
    expect(usesNeutralWords(readCare(phone).discreet)).toBe(true);
  });

  it('means nothing outside discreet mode', () => {
    expect(usesNeutralWords({ on: false, name: 'Team meeting', keepWords: true })).toBe(false);
    expect(usesNeutralWords({ on: false, name: 'Team meeting' })).toBe(false);
    expect(usesNeutralWords({ on: true, name: ' ' })).toBe(false);
  });

  it('reads a room from before the switch (no field) as neutral words, and drops a malformed one', () => {
    const [consoleDoc, phone] = linkedPair();
    consoleDoc.getMap(ROOM_MAPS.care).set('discreet', { on: true, name: 'Team meeting' });
    expect(usesNeutralWords(readCare(phone).discreet)).toBe(true);
    // Not a boolean: the value fails validation and the room reads as not discreet.
    consoleDoc
      .getMap(ROOM_MAPS.care)
      .set('discreet', { on: true, name: 'Team meeting', keepWords: 'yes' });
    expect(readCare(phone).discreet).toEqual({ on: false, name: '' });
  });
});
