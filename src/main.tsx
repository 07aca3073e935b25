import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base and shared styles first, so each tool's own stylesheet comes after them.
import './app/base.css';
import './features/common/common.css';
import { App } from './app/App';
import { setupI18n } from './i18n/setup';

const root = document.getElementById('root');
if (root) {
  await setupI18n();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
