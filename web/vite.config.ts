import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // DSFR's icons are small SVGs referenced from CSS: keep them as files, not inlined.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 300,
  },
  server: {
    // data/roles.json is read at build time from the repository.
    fs: { allow: [repoRoot] },
    proxy: {
      // `MAILLAGE_API=http://127.0.0.1:8080 npm run dev` forwards /api to a running server.
      '/api': { target: process.env.MAILLAGE_API ?? 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
});
