export * from './lib/my-projects-card';
export * from './lib/my-projects';
