module.exports = {
  displayName: 'web-notices-feature-ledger',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/notices/feature-ledger',
};
