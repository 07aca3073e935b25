/**
 * The room key for a join screen: from the link when it has one (the link's key
 * is then removed from the address bar), else from what this phone remembers.
 */
import { recall, rememberForVisit } from '../sync/phoneMemory';

export function resolveRoomKey(
  room: string,
  keyFromLink: string | null,
  admissionFromLink?: string,
  facilitatorFromLink?: string,
): string | null {
  if (keyFromLink)
    return rememberForVisit(room, keyFromLink, admissionFromLink, facilitatorFromLink).key;
  return recall(room)?.key ?? null;
}
