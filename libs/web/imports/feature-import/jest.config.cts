module.exports = {
  displayName: 'web-imports-feature-import',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/imports/feature-import',
};
