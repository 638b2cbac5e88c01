module.exports = {
  displayName: 'web-reports-feature-entry',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/reports/feature-entry',
};
