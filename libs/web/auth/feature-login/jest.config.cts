module.exports = {
  displayName: 'web-auth-feature-login',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/auth/feature-login',
};
