/**
 * `npm test` runs the unit tests (beside the code) and the end-to-end tests (test/).
 * End-to-end tests run against DATABASE_URL when it is set, else against embedded PGlite
 * started once in global-setup; each test file gets a fresh database either way.
 */
const swaggerPlugin = { path: '<rootDir>/test/support/swagger-plugin.cjs' };
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', astTransformers: { before: [swaggerPlugin] } }],
};

module.exports = {
  maxWorkers: 2,
  testTimeout: 30_000,
  globalSetup: '<rootDir>/test/support/global-setup.cjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.cjs',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      slowTestThreshold: 30,
    },
  ],
};
