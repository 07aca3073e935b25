// @ts-check
/**
 * The workshop server: serves the built app from this laptop.
 * Usage: node server/main.js [--host 127.0.0.1] [--port 8080] [--dist dist]
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createStaticHandler } from './static.js';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8080' },
    dist: { type: 'string', default: 'dist' },
  },
});

const dist = resolve(values.dist);
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No built app in ${dist}. Run "npm run build" first (npm start does it for you).`);
  process.exit(1);
}

const server = createServer(createStaticHandler(dist));
server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  console.log(`Security Workshop Kit is running: http://${values.host}:${port}/`);
  console.log("Open it in this laptop's browser to plan and run the workshop. Ctrl+C stops it.");
});
