/** The app's three screens, addressed by the URL fragment (never sent to a server). */
/**
 * `admission` is the workshop server's per-run secret that lets a page reach its
 * signaling endpoint; it travels in the link beside the key and is present only
 * when the link carried it.
 */
export type Route =
  | { screen: 'console' }
  | {
      screen: 'projector';
      room: string | null;
      key: string | null;
      admission?: string;
      /** The console's keys (its verify key checks what only the console sets). */
      facilitator?: string;
    }
  | {
      screen: 'join';
      room: string;
      key: string | null;
      admission?: string;
      /** The console's public key for this room's private layer (facilitatorBox.ts). */
      facilitator?: string;
    }
  /** The page to type the room's short code; `code` when the address carries one (the QR code's). */
  | { screen: 'code'; code: string | null }
  /** A projector on another device that joins by the room's code, as a phone does. */
  | { screen: 'projector-code'; code: string }
  | { screen: 'not-found'; hash: string };

/** Room ids and keys are base64url, at least 128 bits (22 characters). */
const TOKEN = /^[A-Za-z0-9_-]{22,128}$/;
/** A P-256 public key, raw, in base64url (87 characters), after this mark in a join link. */
const FACILITATOR_PREFIX = 'f.';
/** Since the console signs what only it may set: its verify key after a dot (consoleSignature.ts). */
const FACILITATOR_KEY = /^[A-Za-z0-9_-]{87}(\.[A-Za-z0-9_-]{87})?$/;

/**
 * `onThisLaptop`: the page was opened at a loopback address. The bare address on the
 * network (the one the projector shows) opens the page to type the code: the console
 * works on the laptop only (its server tells its secrets to loopback only).
 */
export function parseRoute(hash: string, onThisLaptop = true): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') {
    return onThisLaptop ? { screen: 'console' } : { screen: 'code', code: null };
  }
  if (path === '/console') return { screen: 'console' };
  const code = /^\/c(?:\/([A-Za-z0-9-]{0,16}))?\/?$/.exec(path);
  if (code) return { screen: 'code', code: code[1] || null };
  if (path === '/screen') return { screen: 'projector', room: null, key: null };
  const projectorCode = /^\/screen\/c\/([A-Za-z0-9-]{1,16})\/?$/.exec(path);
  if (projectorCode?.[1]) return { screen: 'projector-code', code: projectorCode[1] };
  // A projector on another device (a second laptop, a smart screen) joins the room to follow;
  // once it has read the key, its address is only "#/screen/<room>" (like the join page's).
  const screen = /^\/screen\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?(?:\/f\.([^/]+))?)?\/?$/.exec(path);
  if (screen?.[1] && TOKEN.test(screen[1])) {
    if (screen[2] === undefined) return { screen: 'projector', room: screen[1], key: null };
    if (TOKEN.test(screen[2])) {
      const facilitator = screen[4];
      return {
        screen: 'projector',
        room: screen[1],
        key: screen[2],
        ...admission(screen[3]),
        ...(facilitator && FACILITATOR_KEY.test(facilitator) ? { facilitator } : {}),
      };
    }
  }
  const join = /^\/join\/([^/]+)(?:\/([^/]+)((?:\/[^/]+){0,2}))?\/?$/.exec(path);
  if (join?.[1] && TOKEN.test(join[1])) {
    const key = join[2] && TOKEN.test(join[2]) ? join[2] : null;
    if (!key) return { screen: 'join', room: join[1], key };
    // After the key: the admission secret, then the console's public key ("f.<key>"), each optional.
    const rest = (join[3] ?? '').split('/').filter(Boolean);
    const facilitatorSegment = rest.find((part) => part.startsWith(FACILITATOR_PREFIX));
    const facilitator = facilitatorSegment?.slice(FACILITATOR_PREFIX.length);
    return {
      screen: 'join',
      room: join[1],
      key,
      ...admission(rest.find((part) => !part.startsWith(FACILITATOR_PREFIX))),
      ...(facilitator && FACILITATOR_KEY.test(facilitator) ? { facilitator } : {}),
    };
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
  facilitator: string | null = null,
): string {
  const keys = facilitator && admissionSecret ? `/${FACILITATOR_PREFIX}${facilitator}` : '';
  return `#/screen/${room}/${secrets(key, admissionSecret)}${keys}`;
}

/** The projector's address once it has read the key: the room only. */
export function projectorRoomPath(room: string): string {
  return `#/screen/${room}`;
}

/** `facilitator`: the console's public key, so a phone can seal what it writes to the console. */
export function joinLinkPath(
  room: string,
  key: string,
  admissionSecret: string | null,
  facilitator: string | null = null,
): string {
  const sealTo = facilitator ? `/${FACILITATOR_PREFIX}${facilitator}` : '';
  return `#/join/${room}/${secrets(key, admissionSecret)}${sealTo}`;
}

export function joinPath(room: string): string {
  return `#/join/${room}`;
}

/**
 * What the room's QR code holds: the laptop's address and the short code, never the
 * key (a phone's History keeps what it opened). The console and the projector both
 * draw it from here, whatever address they chose.
 */
export function codeLink(base: string, code: string): string {
  return `${base}${codePath(code)}`;
}

export function codePath(code: string): string {
  return `#/c/${code}`;
}

/** A remote projector's address: it asks the console for the room with the code. */
export function projectorCodePath(code: string): string {
  return `#/screen/c/${code}`;
}

/** Whether a page's host is this laptop itself. */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}
