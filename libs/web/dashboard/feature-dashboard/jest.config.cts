const path = require('node:path');

module.exports = {
  displayName: 'web-dashboard-feature-dashboard',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/dashboard/feature-dashboard',
  // ECharts and zrender ship as ESM .js files (STACK.md): compile them too, and give them a canvas
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@angular/common/locales/|echarts/|zrender/|ngx-echarts/))'],
  setupFiles: [path.join(__dirname, '../../../../jest.setup.angular.js'), require.resolve('jest-canvas-mock')],
};
