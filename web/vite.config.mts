import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The web client: built into dist/web, which the Nest app serves at / (same origin as /api).
// During development `vite` proxies /api to the app on :3000.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Built for debugging; the app does not serve them in production (src/config/web.ts).
    sourcemap: true,
    rolldownOptions: {
      onLog(level, log, handler) {
        // react-router marks its modules "use client" for React Server Components; a
        // single-page bundle has no server components, so the directive means nothing here.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.tsx', 'test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
