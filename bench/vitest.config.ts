import { defineConfig } from 'vitest/config';

/** Browser benchmarks: run with `npm run bench:screen` after `npm run build`; never part of `npm test`. */
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/postgres-cluster.ts'],
    include: ['bench/screen/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
