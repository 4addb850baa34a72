import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file starts its own redis-server and HTTP servers on free ports, so files may run in parallel.
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'test/artifacts/vitest-report.json' }]],
  },
});
