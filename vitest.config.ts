// Four projects: fast unit/snapshot tests (in-process, seconds); the command-line programs run as child processes
// (each case starts Node); the quick benchmark run; browser tests against the built site in dist/ (run after
// `npm run build`). npm test runs unit, cli and browser; npm run test:unit the first alone.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'cli', include: ['tests/cli/**/*.test.ts'], testTimeout: 30_000 } },
      // npm run bench -- --quick, so the benchmark cannot rot; slow (about 30 s), so a script of its own (npm run test:bench).
      { extends: true, test: { name: 'bench', include: ['tests/bench/**/*.test.ts'], testTimeout: 300_000 } },
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
      },
    ],
  },
});
