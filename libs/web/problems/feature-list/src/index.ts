export * from './lib/problems.routes';
export * from './lib/project-problems-card';
export * from './lib/raise-problem-dialog';
