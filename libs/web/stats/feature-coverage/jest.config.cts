module.exports = {
  displayName: 'web-stats-feature-coverage',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/stats/feature-coverage',
};
