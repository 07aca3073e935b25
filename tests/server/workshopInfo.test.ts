// @vitest-environment node
/**
 * The join link follows the address served: /workshop.json lists exactly the addresses the
 * server listens on (none on 127.0.0.1), and `npm start` prints the same ones.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isLoopback, servedAddresses } from '../../server/addresses.js';
import { createWorkshopServer } from '../../server/app.js';
import { loadCertificate } from '../../server/certificate.js';

const dist = mkdtempSync(join(tmpdir(), 'swk-info-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html>');
const certFolder = mkdtempSync(join(tmpdir(), 'swk-info-cert-'));
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});

type Info = { lanUrls: string[]; loopbackOnly: boolean };

function info(port: number): Promise<Info> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/workshop.json', rejectUnauthorized: false },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => done(JSON.parse(body) as Info));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

async function serve(host: string, lan: string[]): Promise<number> {
  const tls = await loadCertificate({ folder: certFolder, addresses: lan });
  const workshop = createWorkshopServer({
    dist,
    tls,
    lanAddresses: () => lan,
    signaling: { log: () => {} },
  });
  closing.push(() => workshop.close());
  return workshop.listen(0, host);
}

describe('the addresses served', () => {
  it('are none on loopback, the one given, or every LAN address on every interface', () => {
    const lan = ['192.168.1.20', '10.0.0.5'];
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect([host, servedAddresses(host, lan)]).toEqual([host, []]);
    expect(servedAddresses('0.0.0.0', lan)).toEqual(lan);
    expect(servedAddresses('::', lan)).toEqual(lan);
    expect(servedAddresses('192.168.1.20', lan)).toEqual(['192.168.1.20']);
    expect(isLoopback('192.168.1.20')).toBe(false);
  });
});

describe("the console's /workshop.json", () => {
  it('offers phones no address from a server on 127.0.0.1, and says it is out of their reach', async () => {
    const port = await serve('127.0.0.1', ['192.168.1.20']);
    expect(await info(port)).toMatchObject({ lanUrls: [], loopbackOnly: true });
  });

  it('lists every LAN address of a server on every interface, on the port it is bound to', async () => {
    const port = await serve('0.0.0.0', ['192.168.1.20', '10.0.0.5']);
    expect(await info(port)).toMatchObject({
      lanUrls: [`https://192.168.1.20:${port}/`, `https://10.0.0.5:${port}/`],
      loopbackOnly: false,
    });
  });

  it('lists no address from a plain-HTTP server (no secure context for phones)', async () => {
    const workshop = createWorkshopServer({ dist, signaling: { log: () => {} } });
    closing.push(() => workshop.close());
    const port = await workshop.listen(0, '127.0.0.1');
    const answer = (await (await fetch(`http://127.0.0.1:${port}/workshop.json`)).json()) as Info;
    expect(answer).toMatchObject({ lanUrls: [], loopbackOnly: true });
  });
});

/** Runs `node server/main.js` with these arguments until it has printed that it runs. */
async function start(args: string[]): Promise<{ printed: string; port: number }> {
  const child = spawn(
    process.execPath,
    ['server/main.js', '--dist', dist, '--port', '0', ...args],
    {
      env: { ...process.env, SWK_DATA_DIR: mkdtempSync(join(tmpdir(), 'swk-info-data-')) },
    },
  );
  closing.push(
    () =>
      new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  );
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${printed}`)), 8_000);
    child.stdout.on('data', () => {
      if (printed.includes('Ctrl+C stops the server')) {
        clearTimeout(timer);
        done();
      }
    });
    child.once('exit', () => fail(new Error(`server exited:\n${printed}`)));
  });
  const port = Number(/On this laptop: +https:\/\/[^:]+:(\d+)\//.exec(printed)?.[1]);
  return { printed, port };
}

describe('npm start', () => {
  it('with --host 127.0.0.1 says no phone can reach it, as the console will', async () => {
    const { printed, port } = await start(['--host', '127.0.0.1']);
    expect(printed).toContain('Phones cannot reach it: it listens on this laptop only');
    expect(printed).not.toContain('On the network');
    expect(await info(port)).toMatchObject({ lanUrls: [], loopbackOnly: true });
  }, 15_000);

  it('prints exactly the addresses /workshop.json gives the console', async () => {
    const { printed, port } = await start([]);
    const printedUrls = [...printed.matchAll(/On the network: +(\S+)/g)].map((m) => m[1]);
    const answer = await info(port);
    expect(answer.loopbackOnly).toBe(false);
    expect(answer.lanUrls).toEqual(printedUrls);
  }, 15_000);
});
