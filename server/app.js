// @ts-check
/** The workshop server in one piece: the built app and the signaling endpoint on one port. */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { lanAddresses } from './certificate.js';
import { attachSignaling } from './signaling.js';
import { createStaticHandler } from './static.js';

/**
 * @param {{ dist: string, tls?: { cert: string, key: string },
 *           signaling?: import('./signaling.js').SignalingOptions }} options
 */
export function createWorkshopServer(options) {
  const serveFile = createStaticHandler(options.dist);
  /** @type {import('node:http').RequestListener} */
  const handler = (req, res) => {
    // Where phones can reach this laptop, for the console's join QR code.
    if (req.url === '/workshop.json') {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const scheme = options.tls ? 'https' : 'http';
      const urls = lanAddresses().map((ip) => `${scheme}://${ip}:${port}/`);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ lanUrls: options.tls ? urls : [] }));
      return;
    }
    serveFile(req, res);
  };
  const server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
  const signaling = attachSignaling(server, options.signaling);
  return {
    server,
    signaling,
    /** @param {number} port @param {string} host @returns {Promise<number>} the port bound */
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      await signaling.close();
      const closed = new Promise((done) => server.close(() => done(undefined)));
      // Idle keep-alive connections would hold a restart back for seconds.
      server.closeAllConnections();
      await closed;
    },
  };
}
