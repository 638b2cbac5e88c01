module.exports = {
  displayName: 'web-admin-feature-webhooks',
  preset: '../../../../jest.preset.angular.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../../coverage/libs/web/admin/feature-webhooks',
};
