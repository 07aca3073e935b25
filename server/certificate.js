// @ts-check
/**
 * The laptop's self-signed certificate: made on first run, kept in the user's
 * data folder (never in the repository), and made again when the addresses it
 * names are no longer exactly the ones served. It names addresses only: no
 * hostname (often the trainer's own name), no VPN or virtual bridge.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import selfsigned from 'selfsigned';

const CERTIFICATE_DAYS = 825;

/** Where the workshop server keeps its own files. */
export function dataFolder() {
  if (process.env.SWK_DATA_DIR) return process.env.SWK_DATA_DIR;
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'security-workshop-kit');
}

/** Interfaces that are not the venue's network: VPNs, containers, virtual machines. */
const VIRTUAL_INTERFACE =
  /^(docker|br-|virbr|veth|vboxnet|vmnet|tun|tap|wg|tailscale|zt|utun|lxc|lxd|cni|flannel|podman)/i;

/** Private IPv4 ranges: a workshop's Wi-Fi, never a public address. @param {string} ip */
export function isPrivateIPv4(ip) {
  const [a = -1, b = -1] = ip.split('.').map(Number);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * The laptop's IPv4 LAN addresses, the ones phones can reach: private addresses of
 * real interfaces only.
 * @param {NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>} [interfaces]
 * @returns {string[]}
 */
export function lanAddresses(interfaces = networkInterfaces()) {
  return Object.entries(interfaces).flatMap(([name, addresses]) =>
    VIRTUAL_INTERFACE.test(name)
      ? []
      : (addresses ?? [])
          .filter((a) => a.family === 'IPv4' && !a.internal && isPrivateIPv4(a.address))
          .map((a) => a.address),
  );
}

/**
 * @param {{ certFile?: string, keyFile?: string, folder?: string, addresses?: string[] }} options
 *   addresses: the LAN addresses served (by default every private one of a real interface)
 * @returns {Promise<{ cert: string, key: string, fingerprint: string, created: boolean }>}
 */
export async function loadCertificate(options = {}) {
  if (options.certFile && options.keyFile) {
    const cert = readFileSync(options.certFile, 'utf8');
    return {
      cert,
      key: readFileSync(options.keyFile, 'utf8'),
      fingerprint: fingerprintOf(cert),
      created: false,
    };
  }
  const folder = options.folder ?? dataFolder();
  const certPath = join(folder, 'certificate.pem');
  const keyPath = join(folder, 'private-key.pem');
  const wanted = [...new Set(['127.0.0.1', ...(options.addresses ?? lanAddresses())])];
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    if (covers(cert, wanted)) {
      return {
        cert,
        key: readFileSync(keyPath, 'utf8'),
        fingerprint: fingerprintOf(cert),
        created: false,
      };
    }
  }
  const notAfter = new Date(Date.now() + CERTIFICATE_DAYS * 24 * 3600 * 1000);
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'Security Workshop Kit' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: wanted.map((ip) => ({ type: /** @type {const} */ (7), ip })),
      },
    ],
  });
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  writeFileSync(certPath, pems.cert, { mode: 0o644 });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  return {
    cert: pems.cert,
    key: pems.private,
    fingerprint: fingerprintOf(pems.cert),
    created: true,
  };
}

/**
 * SHA-256 of the certificate, as browsers show it, for checking by eye on a phone.
 * @param {string} certPem
 */
export function fingerprintOf(certPem) {
  const der = new X509Certificate(certPem).raw;
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)?.join(':') ?? '';
}

/**
 * What a certificate's SAN names, as ["IP Address:127.0.0.1", "DNS:laptop", ...].
 * @param {string} certPem
 */
export function subjectAltNames(certPem) {
  const san = new X509Certificate(certPem).subjectAltName ?? '';
  return san
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/**
 * Whether the certificate names exactly these addresses and nothing else.
 * @param {string} certPem
 * @param {string[]} addresses
 */
function covers(certPem, addresses) {
  try {
    const certificate = new X509Certificate(certPem);
    if (new Date(certificate.validTo) < new Date()) return false;
    const named = subjectAltNames(certPem).sort();
    const wanted = [...new Set(addresses)].map((ip) => `IP Address:${ip}`).sort();
    return named.length === wanted.length && named.every((name, i) => name === wanted[i]);
  } catch {
    return false;
  }
}
