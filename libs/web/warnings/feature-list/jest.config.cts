module.exports = {
  displayName: 'web-warnings-feature-list',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/warnings/feature-list',
};
