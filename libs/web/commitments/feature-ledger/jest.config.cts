module.exports = {
  displayName: 'web-commitments-feature-ledger',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/commitments/feature-ledger',
};
