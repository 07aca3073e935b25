// @ts-check
/**
 * The workshop server, run by `npm start`: serves the built app and our own
 * signaling endpoint on one port of this laptop, over HTTPS with a self-signed
 * certificate (phones need a secure context for the room's encryption).
 *
 *   node server/main.js [--host 0.0.0.0] [--port 8443] [--dist dist] [--new-links]
 *                       [--cert file --key file]   a real certificate instead
 *                       [--http]                   plain HTTP, loopback only (development)
 *                       [--new-links]              a new admission secret: earlier links stop working
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { servedAddresses } from './addresses.js';
import { loadAdmission } from './admission.js';
import { createWorkshopServer } from './app.js';
import { dataFolder, lanAddresses, loadCertificate } from './certificate.js';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
    cert: { type: 'string' },
    key: { type: 'string' },
    http: { type: 'boolean', default: false },
    'new-links': { type: 'boolean', default: false },
  },
});

const dist = resolve(values.dist);
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No built app in ${dist}. Run "npm run build" first (npm start does it for you).`);
  process.exit(1);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const host = values.host ?? (values.http ? '127.0.0.1' : '0.0.0.0');
if (values.http && !LOOPBACK.has(host)) {
  console.error('--http serves unencrypted pages: it only binds to loopback (127.0.0.1).');
  process.exit(1);
}
const port = Number(values.port ?? (values.http ? 8080 : 8443));

const tls = values.http
  ? undefined
  : await loadCertificate({
      certFile: values.cert,
      keyFile: values.key,
      // The certificate names only the addresses served: no hostname, no VPN.
      addresses: host === '0.0.0.0' ? undefined : LOOPBACK.has(host) ? [] : [host],
    });
const scheme = tls ? 'https' : 'http';
// Only pages this server served may open the signaling socket: the names and addresses it
// answers on, with its port. This also stops DNS-rebinding pages on the plain-HTTP loopback.
const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];
const names =
  host === '0.0.0.0'
    ? [...loopbackNames, ...lanAddresses()]
    : LOOPBACK.has(host)
      ? loopbackNames
      : [host];
const allowedOrigins = names.map((name) => `${scheme}://${name}:${port}`);
// The admission secret in the join links: kept for 12 hours, so a restart keeps them working.
const admission = loadAdmission(dataFolder(), { fresh: values['new-links'] });
const workshop = createWorkshopServer({ dist, tls, admission, signaling: { allowedOrigins } });
const bound = await workshop.listen(port, host);

// The same list /workshop.json gives the console for its QR code.
const urls = tls ? servedAddresses(host).map((address) => `${scheme}://${address}:${bound}/`) : [];
console.log('Security Workshop Kit is running.');
console.log(`  On this laptop:  ${scheme}://${LOOPBACK.has(host) ? host : '127.0.0.1'}:${bound}/`);
for (const url of urls) console.log(`  On the network:  ${url}`);
if (urls.length === 0) {
  console.log(
    LOOPBACK.has(host) || !tls
      ? '  Phones cannot reach it: it listens on this laptop only. Start it with npm start to let phones join over the Wi-Fi.'
      : "  Phones cannot reach it yet: this laptop is on no private network. Join the workshop's Wi-Fi (or start a hotspot) and start it again.",
  );
}
if (tls) {
  console.log(`  Certificate SHA-256: ${tls.fingerprint}`);
  if (tls.created) console.log(`  (a new certificate was made and kept in ${dataFolder()})`);
  console.log(
    '  Phones will warn that the certificate is self-signed: compare the fingerprint, then accept.',
  );
}
const firstLan = urls.find((url) => !url.includes('127.0.0.1'));
if (firstLan) {
  console.log(await QRCode.toString(firstLan, { type: 'terminal', small: true }));
}
console.log("Open the console in this laptop's browser. Ctrl+C stops the server.");

const stop = () => void workshop.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
