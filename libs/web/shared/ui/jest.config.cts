module.exports = {
  displayName: 'web-shared-ui',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/shared/ui',
};
