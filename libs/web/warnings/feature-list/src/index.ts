export * from './lib/warnings.routes';
export * from './lib/warning-dots';
export * from './lib/project-warnings-card';
