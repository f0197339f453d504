import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The web client: built into dist/web, which the Nest app serves at / (same origin as /api).
// During development `vite` proxies /api to the app on :3000.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.tsx', 'test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
