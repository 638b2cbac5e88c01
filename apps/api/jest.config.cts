module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  testTimeout: 60000,
  // one embedded PostgreSQL for the run, one database per test file; two workers suit 2 cores
  maxWorkers: 2,
  coverageDirectory: '../../coverage/apps/api',
};
