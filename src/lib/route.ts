/** The app's three screens, addressed by the URL fragment (never sent to a server). */
/**
 * `admission` is the workshop server's per-run secret that lets a page reach its
 * signaling endpoint; it travels in the link beside the key and is present only
 * when the link carried it.
 */
export type Route =
  | { screen: 'console' }
  | { screen: 'projector'; room: string | null; key: string | null; admission?: string }
  | { screen: 'join'; room: string; key: string | null; admission?: string }
  | { screen: 'not-found'; hash: string };

/** Room ids and keys are base64url, at least 128 bits (22 characters). */
const TOKEN = /^[A-Za-z0-9_-]{22,128}$/;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { screen: 'console' };
  if (path === '/screen') return { screen: 'projector', room: null, key: null };
  // A projector on another device (a second laptop, a smart screen) joins the room to follow;
  // once it has read the key, its address is only "#/screen/<room>" (like the join page's).
  const screen = /^\/screen\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/.exec(path);
  if (screen?.[1] && TOKEN.test(screen[1])) {
    if (screen[2] === undefined) return { screen: 'projector', room: screen[1], key: null };
    if (TOKEN.test(screen[2])) {
      return { screen: 'projector', room: screen[1], key: screen[2], ...admission(screen[3]) };
    }
  }
  const join = /^\/join\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/.exec(path);
  if (join?.[1] && TOKEN.test(join[1])) {
    const key = join[2] && TOKEN.test(join[2]) ? join[2] : null;
    return { screen: 'join', room: join[1], key, ...(key ? admission(join[3]) : {}) };
  }
  return { screen: 'not-found', hash: path };
}

function admission(token: string | undefined): { admission?: string } {
  return token && TOKEN.test(token) ? { admission: token } : {};
}

/** What a link carries after its path: the key, then the server's admission secret when known. */
function secrets(key: string, admissionSecret: string | null): string {
  return admissionSecret ? `${key}/${admissionSecret}` : key;
}

export function projectorPath(
  room: string,
  key: string,
  admissionSecret: string | null = null,
): string {
  return `#/screen/${room}/${secrets(key, admissionSecret)}`;
}

/** The projector's address once it has read the key: the room only. */
export function projectorRoomPath(room: string): string {
  return `#/screen/${room}`;
}

export function joinLinkPath(room: string, key: string, admissionSecret: string | null): string {
  return `#/join/${room}/${secrets(key, admissionSecret)}`;
}

export function joinPath(room: string): string {
  return `#/join/${room}`;
}
