import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // The JSON report lets .ci/run print one "N passed, N failed" line for every runner.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' }
  }
});
