export * from './lib/import-errors';
export * from './lib/import-flow.store';
export * from './lib/import-state';
export * from './lib/imports.api';
