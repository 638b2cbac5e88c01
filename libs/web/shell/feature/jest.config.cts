module.exports = {
  displayName: 'web-shell-feature',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/shell/feature',
};
