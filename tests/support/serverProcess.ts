import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type ServerProcess = { child: ChildProcess; port: number };

/**
 * The workshop server in a process of its own, over TLS as on the venue's Wi-Fi, with a
 * given admission secret: its memory and sockets are then its own, apart from the test's.
 */
export function startServerProcess(secret: string): Promise<ServerProcess> {
  const dist = mkdtempSync(join(tmpdir(), 'swk-server-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Security Workshop Kit</title>');
  const folder = mkdtempSync(join(tmpdir(), 'swk-server-cert-'));
  const script = `
    import { createWorkshopServer } from ${JSON.stringify(resolve('server/app.js'))};
    import { createAdmission } from ${JSON.stringify(resolve('server/admission.js'))};
    import { loadCertificate } from ${JSON.stringify(resolve('server/certificate.js'))};
    const tls = await loadCertificate({ folder: ${JSON.stringify(folder)}, addresses: [] });
    const workshop = createWorkshopServer({
      dist: ${JSON.stringify(dist)}, tls, admission: createAdmission(${JSON.stringify(secret)}),
      signaling: { log: () => {} },
    });
    console.log('port ' + (await workshop.listen(0, '127.0.0.1')));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const port = /port (\d+)/.exec(chunk.toString())?.[1];
      if (port) done({ child, port: Number(port) });
    });
    child.once('exit', (code) => fail(new Error(`server exited (${code})`)));
  });
}
