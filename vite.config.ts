import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, offlineServiceWorker } from './src/deploy/vite-plugins.ts';

export default defineConfig({
  // Relative asset URLs: the build works from any static host and any sub-path
  // (a course server's /course/intx/), with nothing to configure.
  base: './',
  plugins: [react(), contentSecurityPolicy(), offlineServiceWorker()],
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: { target: 'es2022', sourcemap: true },
});
