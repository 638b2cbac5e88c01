export * from './lib/project-form-page';
