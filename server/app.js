// @ts-check
/** The workshop server in one piece: the built app and the signaling endpoint on one port. */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { attachSignaling } from './signaling.js';
import { createStaticHandler } from './static.js';

/**
 * @param {{ dist: string, tls?: { cert: string, key: string },
 *           signaling?: import('./signaling.js').SignalingOptions }} options
 */
export function createWorkshopServer(options) {
  const handler = createStaticHandler(options.dist);
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
      await new Promise((done) => server.close(() => done(undefined)));
    },
  };
}
