module.exports = {
  displayName: 'web-assessment-feature-ranking',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/assessment/feature-ranking',
};
