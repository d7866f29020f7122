/// <reference types="vitest/config" />
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);
const server = process.env.API_URL ?? 'http://localhost:4000';

// The built client goes to dist/web, which the server serves at `/`.
export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(root, '../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Read by the server to preload the editor's code on draft pages.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // "use client" directives mean nothing without server components; the warning is noise.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: server, ws: true, changeOrigin: true },
      '/healthz': { target: server },
    },
  },
  test: {
    root,
    environment: 'happy-dom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
