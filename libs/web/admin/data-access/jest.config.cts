module.exports = {
  displayName: 'web-admin-data-access',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/admin/data-access',
};
