import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/postgres-cluster.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'core', include: ['src/core/**/*.test.ts'] } },
      { extends: true, test: { name: 'store', include: ['src/store/**/*.test.ts', 'src/usecases/**/*.test.ts', 'src/cli/**/*.test.ts', 'src/jobs/**/*.test.ts', 'src/realtime/**/*.test.ts', 'test/process/**/*.test.ts'] } },
      { extends: true, test: { name: 'http', include: ['src/http/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 90_000,
          // A real browser on a two-core machine that CI shares: one retry absorbs a stalled click, a real fault fails twice.
          retry: 1, expect: { poll: { timeout: 15_000, interval: 100 } } } },
    ],
  },
});
