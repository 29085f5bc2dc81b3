/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The Gatehouse server the dev server and `vite preview` forward API calls to. */
const GATEHOUSE = 'http://127.0.0.1:7400';
const proxy = Object.fromEntries(
  ['/api', '/health', '/metrics', '/openapi.json', '/docs'].map((path) => [path, { target: GATEHOUSE, changeOrigin: false }]),
);

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The server's CSP allows only files from 'self': nothing may be inlined into index.html or
    // turned into data: URLs (fonts would be refused), and no preload polyfill is needed.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: true,
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{js,mjs,ts}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
