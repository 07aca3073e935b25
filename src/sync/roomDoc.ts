import type * as Y from 'yjs';

/**
 * A workshop room's shared document. Features name it by this type and reach
 * its contents only through src/sync's readers, stores and operations, so no
 * code outside src/sync depends on yjs.
 */
export type RoomDoc = Y.Doc;
