// @vitest-environment node
/**
 * What the workshop server tells, and to whom: /workshop.json to the laptop only,
 * a certificate naming addresses and no hostname, TLS without weak suites.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { request } from 'node:https';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { Socket, type AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMISSION_KEPT_MS, createAdmission, loadAdmission } from '../../server/admission.js';
import { createWorkshopServer } from '../../server/app.js';
import { lanAddresses, loadCertificate, subjectAltNames } from '../../server/certificate.js';

const dist = mkdtempSync(join(tmpdir(), 'swk-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html>');
const SECRET = 'workshop-test-admission-01';
let workshop: ReturnType<typeof createWorkshopServer>;
let port = 0;
let fingerprint = '';

beforeAll(async () => {
  const tls = await loadCertificate({
    folder: mkdtempSync(join(tmpdir(), 'swk-cert-')),
    addresses: ['192.168.1.20'],
  });
  fingerprint = tls.fingerprint;
  workshop = createWorkshopServer({ dist, tls, admission: createAdmission(SECRET) });
  port = await workshop.listen(0, '127.0.0.1');
});
afterAll(() => workshop.close());

function call(method: string, path = '/workshop.json') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (done, fail) => {
      const req = request(
        { host: '127.0.0.1', port, path, method, rejectUnauthorized: false },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', fail);
      req.end();
    },
  );
}

/** A request as if from a phone on the Wi-Fi, handed to the server without a network. */
function fromNetwork(method: string): Promise<{ status: number; body: string }> {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: '192.168.1.50' });
  const req = new IncomingMessage(socket);
  req.method = method;
  req.url = '/workshop.json';
  const res = new ServerResponse(req);
  let body = '';
  return new Promise((done) => {
    res.write = (chunk: unknown) => ((body += String(chunk)), true);
    res.end = ((chunk?: unknown) => {
      if (typeof chunk === 'string') body += chunk;
      done({ status: res.statusCode, body });
      return res;
    }) as typeof res.end;
    workshop.server.emit('request', req, res);
  });
}

describe('/workshop.json', () => {
  it('answers a GET from the laptop with the admission secret and fingerprint, with the security headers', async () => {
    const answer = await call('GET');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ admission: SECRET, fingerprint });
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cache-control']).toBe('no-store');
    const withQuery = await call('GET', '/workshop.json?x=1');
    expect(withQuery.status).toBe(200);
  });

  it('refuses any other method', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']) {
      const answer = await call(method);
      expect(answer.status).toBe(405);
      expect(answer.body).not.toContain(SECRET);
    }
  });

  it('refuses a client on the network: it learns no address and no secret', async () => {
    const answer = await fromNetwork('GET');
    expect(answer.status).toBe(403);
    expect(answer.body).toBe('');
  });
});

describe('the admission secret', () => {
  it('is kept for a restart the same day, private to the user, and new after 12 hours or when asked', () => {
    const folder = mkdtempSync(join(tmpdir(), 'swk-admission-'));
    const first = loadAdmission(folder, { now: 1_000 });
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(statSync(join(folder, 'admission.json')).mode & 0o777).toBe(0o600);
    expect(loadAdmission(folder, { now: 1_000 + ADMISSION_KEPT_MS - 1 }).secret).toBe(first.secret);
    expect(loadAdmission(folder, { now: 1_000 + ADMISSION_KEPT_MS }).secret).not.toBe(first.secret);
    const renewed = loadAdmission(folder, { fresh: true });
    expect(loadAdmission(folder).secret).toBe(renewed.secret);
  });
});

describe('the certificate', () => {
  it('names only the addresses served: no hostname, no DNS name at all', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'swk-cert-'));
    const made = await loadCertificate({ folder, addresses: ['192.168.1.20'] });
    expect(subjectAltNames(made.cert).sort()).toEqual([
      'IP Address:127.0.0.1',
      'IP Address:192.168.1.20',
    ]);
    expect(new X509Certificate(made.cert).subjectAltName).not.toContain(hostname());
  });

  it('replaces a kept certificate that named the hostname or other addresses', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'swk-cert-'));
    const old = await selfsigned.generate([{ name: 'commonName', value: 'x' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: hostname() },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '192.168.1.20' },
            { type: 7, ip: '10.8.0.2' },
          ],
        },
      ],
    });
    writeFileSync(join(folder, 'certificate.pem'), old.cert);
    writeFileSync(join(folder, 'private-key.pem'), old.private);
    const kept = await loadCertificate({ folder, addresses: ['192.168.1.20'] });
    expect(kept.created).toBe(true);
    expect(subjectAltNames(kept.cert).some((name) => name.startsWith('DNS:'))).toBe(false);
    const again = await loadCertificate({ folder, addresses: ['192.168.1.20'] });
    expect(again.created).toBe(false);
  });

  it('offers private addresses of real interfaces only, never a VPN, a bridge or a public one', () => {
    const address = (ip: string, internal = false) => ({
      address: ip,
      netmask: '255.255.255.0',
      family: 'IPv4' as const,
      mac: '00:00:00:00:00:00',
      internal,
      cidr: `${ip}/24`,
    });
    expect(
      lanAddresses({
        lo: [address('127.0.0.1', true)],
        wlan0: [address('192.168.1.20')],
        eth0: [address('172.20.0.4'), address('203.0.113.9')],
        tun0: [address('10.8.0.2')],
        docker0: [address('172.17.0.1')],
        virbr0: [address('192.168.122.1')],
        wg0: [address('10.6.0.1')],
      }),
    ).toEqual(['192.168.1.20', '172.20.0.4']);
  });
});

describe('TLS', () => {
  const handshake = (options: ConnectionOptions) =>
    new Promise<string>((done, fail) => {
      const socket = tlsConnect({
        host: '127.0.0.1',
        port,
        rejectUnauthorized: false,
        ...options,
      });
      socket.once('secureConnect', () => {
        done(`${socket.getProtocol()} ${socket.getCipher().name}`);
        socket.destroy();
      });
      socket.once('error', fail);
    });

  it('speaks TLS 1.3, and TLS 1.2 only with forward-secret AEAD suites', async () => {
    expect(await handshake({})).toMatch(/^TLSv1\.3 /);
    expect(
      await handshake({ maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' }),
    ).toBe('TLSv1.2 ECDHE-ECDSA-AES128-GCM-SHA256');
    for (const weak of ['ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES256-SHA384']) {
      await expect(handshake({ maxVersion: 'TLSv1.2', ciphers: weak })).rejects.toThrow();
    }
    await expect(handshake({ maxVersion: 'TLSv1.1', minVersion: 'TLSv1' })).rejects.toThrow();
  });
});

// Keeps the AddressInfo import honest for readers: the server listens on loopback only here.
it('listens on 127.0.0.1', () => {
  expect((workshop.server.address() as AddressInfo).address).toBe('127.0.0.1');
});
