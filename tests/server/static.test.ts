import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../../server/static.js';

const root = mkdtempSync(join(tmpdir(), 'swk-static-'));
mkdirSync(join(root, 'assets'));
const script = `console.log(${JSON.stringify('x'.repeat(5000))});`;
writeFileSync(
  join(root, 'index.html'),
  '<!doctype html><script type="module" src="/assets/app.js"></script>',
);
writeFileSync(join(root, 'assets', 'app.js'), script);
// A secret beside the served folder, and symlinks inside it pointing out.
const outside = mkdtempSync(join(tmpdir(), 'swk-outside-'));
writeFileSync(join(outside, 'secret.txt'), 'private-key-material');
symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
symlinkSync(outside, join(root, 'assets', 'elsewhere'));
// The app served from a folder that is itself under an "assets" folder.
const nested = join(mkdtempSync(join(tmpdir(), 'swk-nest-')), 'assets', 'dist');
mkdirSync(nested, { recursive: true });
writeFileSync(join(nested, 'index.html'), '<!doctype html>');
let server: Server;
let port = 0;
let nestedServer: Server;
let nestedPort = 0;

beforeAll(async () => {
  server = createServer(createStaticHandler(root));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
  nestedServer = createServer(createStaticHandler(nested));
  await new Promise<void>((done) => nestedServer.listen(0, '127.0.0.1', done));
  nestedPort = (nestedServer.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  await new Promise<void>((done) => nestedServer.close(() => done()));
});

function get(path: string, headers: Record<string, string> = {}, at = () => port) {
  const port = at();
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (done, fail) => {
      const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', fail);
      req.end();
    },
  );
}

describe('the static server', () => {
  it('sends the app compressed to browsers that accept gzip, plain to others', async () => {
    const zipped = await get('/assets/app.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(zipped.body).toString()).toBe(script);
    expect(zipped.headers['cache-control']).toContain('immutable');
    const plain = await get('/assets/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('sends a policy that allows only its own origin, no inline script and no referrer', async () => {
    const page = await get('/');
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    // 'self', and this host's signaling socket by name (Safari before 16: 'self' is not wss:).
    expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${port};`);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    const forged = await get('/', { Host: 'evil.example/"; script-src *' });
    expect(String(forged.headers['content-security-policy'])).toContain("connect-src 'self';");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('never leaves its folder', async () => {
    for (const path of ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/%00.js']) {
      expect((await get(path)).status).toBe(404);
    }
  });

  it('refuses a symlink that points out of its folder', async () => {
    for (const path of ['/leak.txt', '/assets/elsewhere/secret.txt']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.body.toString()).not.toContain('private-key-material');
    }
  });

  it('decides "hashed asset" inside its folder: a page under some outer assets/ stays fresh', async () => {
    const page = await get('/', {}, () => nestedPort);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('honours q=0: a browser that refuses gzip gets the file plain', async () => {
    for (const refusal of ['gzip;q=0', 'gzip; q=0, deflate', '*;q=0', 'identity', 'br']) {
      const response = await get('/assets/app.js', { 'Accept-Encoding': refusal });
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.body.toString()).toBe(script);
    }
    for (const allowed of ['gzip;q=0.5', '*', 'br, GZIP']) {
      const response = await get('/assets/app.js', { 'Accept-Encoding': allowed });
      expect(response.headers['content-encoding']).toBe('gzip');
    }
  });
});
