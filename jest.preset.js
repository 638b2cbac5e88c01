// Shared Jest settings for Node-side projects (API, shared libs). Nest 12 ships ESM only, so its
// packages are transformed with swc like our own code; see ../shared/STACK.md.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['node_modules/(?!(@nestjs|content-disposition|cookie|file-type|strtok3|token-types|peek-readable|uint8array-extras|@tokenizer)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@zhaoshang/shared/domain$': path.join(__dirname, 'libs/shared/domain/src/index.ts'),
    '^@zhaoshang/api/demo$': path.join(__dirname, 'libs/api/demo/src/index.ts'),
    '^@zhaoshang/api-client$': path.join(__dirname, 'libs/api-client/src/index.ts'),
    '^@zhaoshang/examples$': path.join(__dirname, 'tools/examples/index.ts'),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['**/?(*.)+(spec|integration-spec).ts'],
};
