export * from './lib/shell.routes';
export * from './lib/nav';
