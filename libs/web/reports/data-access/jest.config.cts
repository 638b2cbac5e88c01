module.exports = {
  displayName: 'web-reports-data-access',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/reports/data-access',
};
