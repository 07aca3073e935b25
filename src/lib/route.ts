/** The app's three screens, addressed by the URL fragment (never sent to a server). */
export type Route =
  | { screen: 'console' }
  | { screen: 'projector'; room: string | null; key: string | null }
  | { screen: 'join'; room: string; key: string | null }
  | { screen: 'not-found'; hash: string };

/** Room ids and keys are base64url, at least 128 bits (22 characters). */
const TOKEN = /^[A-Za-z0-9_-]{22,128}$/;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { screen: 'console' };
  if (path === '/screen') return { screen: 'projector', room: null, key: null };
  // A projector on another device (a second laptop, a smart screen) joins the room to follow.
  const screen = /^\/screen\/([^/]+)\/([^/]+)\/?$/.exec(path);
  if (screen?.[1] && screen[2] && TOKEN.test(screen[1]) && TOKEN.test(screen[2])) {
    return { screen: 'projector', room: screen[1], key: screen[2] };
  }
  const join = /^\/join\/([^/]+)(?:\/([^/]+))?\/?$/.exec(path);
  if (join?.[1] && TOKEN.test(join[1])) {
    const key = join[2] && TOKEN.test(join[2]) ? join[2] : null;
    return { screen: 'join', room: join[1], key };
  }
  return { screen: 'not-found', hash: path };
}

export function projectorPath(room: string, key: string): string {
  return `#/screen/${room}/${key}`;
}

export function joinPath(room: string): string {
  return `#/join/${room}`;
}
