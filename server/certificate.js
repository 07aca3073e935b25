// @ts-check
/**
 * The laptop's self-signed certificate: made on first run, kept in the user's
 * data folder (never in the repository), and made again only when the laptop's
 * addresses are no longer all covered by it.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import selfsigned from 'selfsigned';

const CERTIFICATE_DAYS = 825;

/** Where the workshop server keeps its own files. */
export function dataFolder() {
  if (process.env.SWK_DATA_DIR) return process.env.SWK_DATA_DIR;
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'security-workshop-kit');
}

/** The laptop's IPv4 LAN addresses, the ones phones can reach. */
export function lanAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => /** @type {import('node:os').NetworkInterfaceInfo} */ (address).address);
}

/**
 * @param {{ certFile?: string, keyFile?: string, folder?: string }} options
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
  const wanted = ['127.0.0.1', ...lanAddresses()];
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
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: hostname() },
          ...wanted.map((ip) => ({ type: /** @type {const} */ (7), ip })),
        ],
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
 * @param {string} certPem
 * @param {string[]} addresses
 */
function covers(certPem, addresses) {
  try {
    const certificate = new X509Certificate(certPem);
    if (new Date(certificate.validTo) < new Date()) return false;
    return addresses.every((ip) => certificate.checkIP(ip) !== undefined);
  } catch {
    return false;
  }
}
