import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentPlugin } from './src/content/vitePlugin.ts';

export default defineConfig({
  plugins: [react(), contentPlugin(import.meta.dirname)],
  // Relative asset paths: the app works from any folder the workshop server serves.
  base: './',
  build: { target: 'es2022', sourcemap: false },
});
