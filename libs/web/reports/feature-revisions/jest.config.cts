module.exports = {
  displayName: 'web-reports-feature-revisions',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/reports/feature-revisions',
};
