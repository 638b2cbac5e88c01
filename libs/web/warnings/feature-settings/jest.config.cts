module.exports = {
  displayName: 'web-warnings-feature-settings',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/warnings/feature-settings',
};
