/**
 * `npm test` runs the unit tests (beside the code) and the end-to-end tests (test/).
 * End-to-end tests run against DATABASE_URL when it is set, else against embedded PGlite
 * started once in global-setup; each test file gets a fresh database either way.
 */
const swaggerPlugin = { path: '<rootDir>/test/support/swagger-plugin.cjs' };
// d3's packages are ES modules only, which jest's CommonJS loader cannot read; their UMD builds
// are the same code as CommonJS. (Node itself loads the ES builds: require() of ESM since 20.19.)
const D3 = ['array', 'color', 'format', 'interpolate', 'path', 'scale', 'shape', 'time', 'time-format'];
const moduleNameMapper = Object.fromEntries(D3.map((name) => [`^d3-${name}$`, `<rootDir>/node_modules/d3-${name}/dist/d3-${name}.js`]));
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
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      moduleNameMapper,
      slowTestThreshold: 30,
    },
  ],
};
