export * from './lib/warnings.api';
export * from './lib/warning-query';
export * from './lib/warning-flags.store';
