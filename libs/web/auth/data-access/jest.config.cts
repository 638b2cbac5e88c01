module.exports = {
  displayName: 'web-auth-data-access',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/auth/data-access',
};
