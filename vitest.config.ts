import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/isolate-cache.ts'],
    // Browser tests print real PDFs with the real Chromium: give them time, never a timing assert.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: run files one at a time so browser tests do not starve each other.
    fileParallelism: false,
  },
});
