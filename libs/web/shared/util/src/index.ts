export * from './lib/api-error';
export * from './lib/dates';
export * from './lib/download';
export * from './lib/format';
export * from './lib/money';
export * from './lib/save-action';
export * from './lib/row-action';
export * from './lib/last-value';
