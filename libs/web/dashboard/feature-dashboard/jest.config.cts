module.exports = {
  displayName: 'web-dashboard-feature-dashboard',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/dashboard/feature-dashboard',
};
