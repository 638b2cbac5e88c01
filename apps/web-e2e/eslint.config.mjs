import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  { files: ['**/*.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
  {
    // each worker has its own server: a spec's `test` must be the one that gives it its worker's base URL
    files: ['src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@playwright/test', message: '从 ./support/test 导入 test 与 expect：每个 worker 连接它自己的服务器。' }] }],
    },
  },
];
