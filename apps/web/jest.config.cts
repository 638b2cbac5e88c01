const path = require('node:path');

module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../coverage/apps/web',
  // the app's start loads the 驾驶舱 chunk for leaders (first-load.ts), and with it ECharts and zrender,
  // which ship as ESM .js files (STACK.md): compile them too, and give them a canvas
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@angular/common/locales/|echarts/|zrender/))'],
  setupFiles: [path.join(__dirname, '../../jest.setup.angular.js'), require.resolve('jest-canvas-mock')],
};
