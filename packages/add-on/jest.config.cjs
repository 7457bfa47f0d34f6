/** Tests run TypeScript through ts-jest in transpile-only mode (tsconfig isolatedModules);
 *  `npm run typecheck` is what checks types. dist/ is rebuilt before every run. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  setupFiles: ['<rootDir>/test/use-test-bundle.cjs'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
};
