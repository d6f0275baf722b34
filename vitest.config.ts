import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Some tests sweep hundreds of seeds or point sets; on a loaded 2-core machine that can
    // take longer than Vitest's default 5 s. A test's speed is never what it checks here
    // (benchmarks are in bench/), so the timeout only guards against a hang.
    testTimeout: 120_000,
  },
});
