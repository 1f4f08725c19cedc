import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the built tab at /tab/. Pages are split with React.lazy; the entry holds only the shell.
export default defineConfig({
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries used by more than one chunk (React, Fluent, teams-js) share one cacheable, plainly named chunk.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules[\\/]/, minShareCount: 2 }] },
      },
    },
  },
  server: {
    // `vite` in tabs/ talks to a locally running API (npm start) for /api and the demo routes.
    proxy: { '/api': 'http://localhost:3978', '/dev': 'http://localhost:3978' },
  },
});
