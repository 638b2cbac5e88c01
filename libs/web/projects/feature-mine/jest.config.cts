module.exports = {
  displayName: 'web-projects-feature-mine',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/projects/feature-mine',
};
