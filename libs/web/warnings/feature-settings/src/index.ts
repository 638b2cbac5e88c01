export * from './lib/warning-settings.routes';
