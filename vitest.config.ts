import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Suites that kill processes and storm the engines run last, one at a time, with the CPU to
 * themselves: their checks are about the product under its own load (a kill loses ≤ 100 ms, a chaos
 * run settles, a worker's held answer stays inside JetStream's ack wait), not about how it fares
 * beside the rest of the test run on two cores.
 */
const ALONE = ['main/workspace/crash-reopen.test.ts', 'main/chaos/chaos.test.ts', 'main/distributed/remote-engines.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // The JSON report lets .ci/run print one "N passed, N failed" line for every runner.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ALONE]
        }
      },
      ...ALONE.map((file, i) => ({ extends: true as const, test: { name: file.split('/').at(-1)?.replace('.test.ts', '') ?? file, include: [file], sequence: { groupOrder: i + 1 } } }))
    ]
  }
});
