export * from './lib/assessment.routes';
export * from './lib/ranking-card';
