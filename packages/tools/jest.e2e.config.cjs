/** Browser tests: Debian's Chromium driven by playwright-core against the local playground.
 *  `npm run test:e2e`; they build dist/ first, like the unit tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  globalSetup: '<rootDir>/test/setup/build-add-on.mjs',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/e2e/tsconfig.json' }] },
  testTimeout: 60000,
  maxWorkers: 1,
};
