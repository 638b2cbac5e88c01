module.exports = {
  displayName: 'web-problems-feature-list',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/problems/feature-list',
};
