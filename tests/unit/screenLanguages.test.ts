import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ROOM_MAPS } from '../../src/sync/schemaParts';
import { readScreenLanguages, writeScreenLanguages } from '../../src/sync/day/screenLanguages';

describe("the projector's second language in the room", () => {
  it('reaches another peer, and a malformed value reads as not said', () => {
    const console_ = new Y.Doc();
    const projector = new Y.Doc();
    console_.on('update', (update: Uint8Array) => Y.applyUpdate(projector, update));
    expect(readScreenLanguages(projector)).toBeNull();
    writeScreenLanguages(console_, { second: 'ar' });
    expect(readScreenLanguages(projector)).toEqual({ second: 'ar' });
    writeScreenLanguages(console_, { second: null });
    expect(readScreenLanguages(projector)).toEqual({ second: null });
    // A hostile peer's junk under the key is dropped on read, never shown.
    for (const junk of [{ second: '<script>' }, { second: 'arabic' }, 'ar', 42]) {
      projector.getMap(ROOM_MAPS.agenda).set('screenLanguages', junk);
      expect(readScreenLanguages(projector)).toBeNull();
    }
  });
});
