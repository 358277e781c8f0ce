import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'cms/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Unit tests are fast; browser and build tests share one built demo (see tests/support/global-setup.ts).
    testTimeout: 60_000,
    hookTimeout: 240_000,
    globalSetup: ['tests/support/global-setup.ts'],
    // Two cores: builds and Chromium in parallel files would starve each other.
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
