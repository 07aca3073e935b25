import { StrictMode, startTransition } from 'react';
// The base and shared styles first, so each tool's own stylesheet comes after them.
import './app/base.css';
import './features/common/common.css';
import { App } from './app/App';
import { setupI18n } from './i18n/setup';
import { retryImport } from './lib/retryImport';

/** Resolves in a task of its own, so that the browser gets the main thread in between. */
const nextTask = () => new Promise((done) => setTimeout(done, 0));

/**
 * Not awaited at the top level: React DOM's client imports React from this file, and
 * would wait for this file's evaluation to end, which would wait for it (a deadlock).
 */
async function start(root: HTMLElement): Promise<void> {
  // React DOM's client (its own file, fetched with this one: vite.config.ts) runs in a task
  // of its own, after this file's code and the strings: on a slow phone each of the three is
  // 50-150 ms of main thread, and one task holding them all blocked the page for 250-400 ms.
  const [{ createRoot }] = await Promise.all([
    nextTask().then(() => retryImport(() => import('react-dom/client'))),
    nextTask().then(setupI18n),
  ]);
  await nextTask();
  // Drawn as a transition: React then renders in slices of about 5 ms and lets the
  // browser in between, instead of one task that on a slow phone held the main thread
  // for 250-400 ms before the welcome (issue 24's total blocking time). Nothing is on
  // the page before it, so nothing waits: the first screen shows as soon as it is drawn.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

const root = document.getElementById('root');
if (root) void start(root);
