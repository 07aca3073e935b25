// @ts-check
/**
 * Serves the built app from one folder, with the headers that keep a page from
 * talking to anyone but this laptop.
 */
import { createReadStream, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Text worth compressing: a phone on a slow network gets the app in a third of the bytes. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.css',
  '.json',
  '.svg',
  '.txt',
  '.webmanifest',
  '.ttf',
]);

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
});

/**
 * No inline scripts, no third party: every fetch stays on this origin. This is also the
 * policy the built page carries in a meta tag, where the host is not known: its `wss:`
 * lets Safari before 16 (whose 'self' does not cover WebSockets) open the signaling socket,
 * and the header, which names this server's host, narrows it to that one (policies add up:
 * a request must pass both).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** A Host header as browsers send it: a name or an address, and a port. */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The policy for a page served at this Host: the signaling socket of this host only.
 * @param {string | undefined} host the request's Host header
 * @param {boolean} secure served over HTTPS
 */
export function policyFor(host, secure) {
  const socket = host && HOST.test(host) ? `${secure ? 'wss' : 'ws'}://${host}` : '';
  return CONTENT_SECURITY_POLICY.replace(
    "connect-src 'self' wss:",
    `connect-src 'self'${socket ? ` ${socket}` : ''}`,
  );
}

/** @param {import('node:http').IncomingMessage} req */
export function securityHeaders(req) {
  const secure = 'encrypted' in req.socket && Boolean(req.socket.encrypted);
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': policyFor(req.headers.host, secure) };
}

export const SECURITY_HEADERS = {
  'Content-Security-Policy': policyFor(undefined, false),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Camera and microphone stay allowed: browsers reveal LAN WebRTC candidates to pages that may use them.
  'Permissions-Policy': 'geolocation=(), payment=(), usb=()',
};

/**
 * @param {string} root the folder holding index.html
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function createStaticHandler(root) {
  // Symlinks are followed once here and for every file: nothing outside this folder is served.
  const base = normalize(realpathSync(root) + sep);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...securityHeaders(req) }).end();
      return;
    }
    const path = safePath(base, req.url ?? '/');
    const file = path && isFile(path) ? path : null;
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders(req) });
      res.end('Not found');
      return;
    }
    // Decided inside the root: a root that is itself under some "assets" folder changes nothing.
    const hashed = relative(base, file).split(sep)[0] === 'assets';
    const gzip = COMPRESSIBLE.has(extname(file)) && acceptsGzip(req.headers['accept-encoding']);
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      // Hashed assets never change; the page itself must always be fresh.
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
      ...securityHeaders(req),
    };
    if (gzip) {
      const body = compressed(file);
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

/**
 * @param {string} base
 * @param {string} url
 * @returns {string | null} a path inside base, or null for anything that would leave it
 */
function safePath(base, url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const wanted = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  const full = normalize(join(base, wanted));
  if (!full.startsWith(base)) return null;
  // A symlink inside the root that points out of it (dist/x -> /etc) is refused.
  try {
    const real = realpathSync(full);
    return real.startsWith(base) ? real : null;
  } catch {
    return null;
  }
}

/**
 * Whether Accept-Encoding allows gzip: "gzip;q=0" (or "*;q=0" with no gzip) refuses it.
 * @param {string | string[] | undefined} header
 */
export function acceptsGzip(header) {
  if (typeof header !== 'string') return false;
  /** @type {Map<string, number>} */
  const weights = new Map();
  for (const part of header.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(coding, Number.isFinite(weight) ? weight : 0);
  }
  const gzip = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*');
  return gzip !== undefined && gzip > 0;
}

/** @type {Map<string, { mtimeMs: number, body: Buffer }>} */
const gzipCache = new Map();

/**
 * Compressed once per file version and kept: the built app is a few megabytes.
 * @param {string} file
 */
function compressed(file) {
  const { mtimeMs } = statSync(file);
  const cached = gzipCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.body;
  const body = gzipSync(readFileSync(file), { level: 9 });
  gzipCache.set(file, { mtimeMs, body });
  return body;
}

/** @param {string} path */
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
