module.exports = {
  displayName: 'api-demo',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  coverageDirectory: '../../../coverage/libs/api/demo',
};
