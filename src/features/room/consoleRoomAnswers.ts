/**
 * What the console does for phones while its room is open, loaded with the room
 * layer and not in the console's first load: it answers phones that typed the
 * room's short code, and puts the certificate's fingerprint into the room (signed)
 * for projectors on other devices.
 */
import { fetchWorkshopInfo } from '../../sync/admission';
import { answerJoinCodes } from '../../sync/join/joinCodeExchange';
import { publishFingerprint } from '../../sync/join/joinSchema';
import type { RoomConnection } from '../../sync/roomConnection';

/** Starts answering for the connection; `stillOpen` says whether it is still the console's room. */
export function answerPhones(connection: RoomConnection, stillOpen: () => boolean): () => void {
  const stop = answerJoinCodes(connection.room, connection.key);
  void fetchWorkshopInfo().then((info) => {
    if (info?.fingerprint && stillOpen()) publishFingerprint(connection.doc, info.fingerprint);
  });
  return stop;
}
