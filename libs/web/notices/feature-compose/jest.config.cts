module.exports = {
  displayName: 'web-notices-feature-compose',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/notices/feature-compose',
};
