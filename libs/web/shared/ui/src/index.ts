export * from './lib/form-errors';
export * from './lib/page-header';
export * from './lib/pipes';
export * from './lib/viewport';
export * from './lib/unsaved-changes';
export * from './lib/form-dialog/form-dialog';
export * from './lib/editable-grid/editable-grid';
export * from './lib/editable-grid/grid-save-bar';
