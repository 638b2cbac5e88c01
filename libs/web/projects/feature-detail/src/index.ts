export * from './lib/project-detail-page';
