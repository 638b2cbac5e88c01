module.exports = {
  displayName: 'web-targets-feature-targets',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/targets/feature-targets',
};
