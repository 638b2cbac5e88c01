module.exports = {
  displayName: 'web-dashboard-ui',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/dashboard/ui',
};
