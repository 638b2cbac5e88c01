import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    // Nest resolves constructor parameters from decorator metadata: an import used only as a
    // parameter type must stay a value import, and the rule needs to know that.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
  },
  // A module reaches another only through its public surface: `<b>.service.ts` (which re-exports the
  // set-based writes and reads it shares), `<b>.module.ts`, `dto/`, and `entities/` (the schema:
  // TypeORM relations join entities across modules, and a service may read another module's table
  // through its repository). The regex names the other module once and checks the file against it.
  ...[1, 2].map((depth) => {
    const up = '\\.\\./'.repeat(depth);
    return {
      files: [`src/modules/*/${'*/'.repeat(depth - 1)}*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: `^${up}(?<module>[a-z][a-z0-9-]*)/(?!\\k<module>\\.service\\.js$|\\k<module>\\.module\\.js$|dto/|entities/)`,
                message: '模块之间只能通过对方的 <模块>.service.ts、<模块>.module.ts、dto/ 或 entities/ 引用：请从对方的 service 文件导出所需内容',
              },
            ],
          },
        ],
      },
    };
  }),
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
