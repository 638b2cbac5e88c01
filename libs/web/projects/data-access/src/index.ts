export * from './lib/project-query';
export * from './lib/projects.api';
