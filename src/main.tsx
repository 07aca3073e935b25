import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
// The base and shared styles first, so each tool's own stylesheet comes after them.
import './app/base.css';
import './features/common/common.css';
import { App } from './app/App';
import { setupI18n } from './i18n/setup';

const root = document.getElementById('root');
if (root) {
  await setupI18n();
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
