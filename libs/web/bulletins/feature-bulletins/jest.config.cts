module.exports = {
  displayName: 'web-bulletins-feature-bulletins',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/bulletins/feature-bulletins',
};
