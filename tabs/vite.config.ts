import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the built tab at /tab/. Pages are split with React.lazy; the entry holds only the shell.
// Rolldown's own chunking is kept on purpose: one "vendor" group of every shared library made the first
// page preload the Fluent components of every route (281 KB gzip before any page was opened, against 209).
export default defineConfig({
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    // `vite` in tabs/ talks to a locally running API (npm start) for /api and the demo routes.
    proxy: { '/api': 'http://localhost:3978', '/dev': 'http://localhost:3978' },
  },
});
