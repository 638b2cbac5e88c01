module.exports = {
  displayName: 'web-warnings-data-access',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/warnings/data-access',
};
