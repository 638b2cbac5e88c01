module.exports = {
  displayName: 'web-reports-feature-fai',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/reports/feature-fai',
};
