/** Tests run TypeScript through ts-jest in transpile-only mode (tsconfig isolatedModules);
 *  `npm run typecheck` is what checks types. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
};
