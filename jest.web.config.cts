// npm test runs the 50 web libraries' tests as ONE Jest project (tools/scripts/test.sh). As fifty
// projects (nx test per library), each compiled Angular's and ng-zorro's bundles again under its own
// configuration (the transform cache is keyed by it): on a fresh clone that was most of their time.
// One configuration compiles each file once. The settings are the union of the libraries' own
// (jest.config.cts, kept for `nx test <library>` while working on one): the ECharts packages compiled
// and a canvas for them, and one set-up (jest.setup.web.ts) doing what their test-setup.ts files do.
const path = require('node:path');
const preset = require('./jest.preset.angular.js');

module.exports = {
  ...preset,
  displayName: 'web-libs',
  // the first test of a file also compiles its components (JIT): on a busy 2-core machine that alone took 5 s
  testTimeout: 15_000,
  // both cores: Jest's default on 2 cores is one worker (cores − 1), and npm test runs nothing beside this
  // step (6 December: 171 s with one worker, 124 s with two, the 454 tests on this machine)
  maxWorkers: 2,
  rootDir: path.join(__dirname, 'libs/web'),
  testMatch: ['<rootDir>/**/src/**/*.spec.ts'],
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@angular/common/locales/|echarts/|zrender/|ngx-echarts/))'],
  setupFiles: [...preset.setupFiles, require.resolve('jest-canvas-mock')],
  setupFilesAfterEnv: [path.join(__dirname, 'jest.setup.web.ts')],
  // the libraries' tsconfig.spec.json files are identical: one for all (tsconfig.typecheck-web-spec.json)
  transform: {
    '^.+\\.(ts|js|mjs|html|svg)$': ['jest-preset-angular', { tsconfig: path.join(__dirname, 'tsconfig.typecheck-web-spec.json'), stringifyContentPathRegex: '\\.(html|svg)$' }],
  },
};
