// Jest settings for the Angular projects (apps/web, libs/web/**): jest-preset-angular, jsdom,
// zoneless. The root jest.preset.js is for Node projects (swc) and cannot compile Angular.
const path = require('node:path');
const { createCjsPreset } = require('jest-preset-angular/presets');
const { compilerOptions } = require('./tsconfig.base.json');

const base = createCjsPreset();

// tsconfig.base.json paths → Jest module names, so tests resolve our libs like the build does.
const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace(/[/.]/g, '\\$&')}$`, path.join(__dirname, target)]),
);

module.exports = {
  ...base,
  // Angular's locale data ships as plain ESM .js files; everything else of Angular as .mjs.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@angular/common/locales/))'],
  moduleNameMapper: {
    ...aliases,
    // the shared domain lib imports its siblings as './x.js' (ESM style)
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFiles: [path.join(__dirname, 'jest.setup.angular.js')],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
