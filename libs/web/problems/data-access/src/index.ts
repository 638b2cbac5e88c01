export * from './lib/problems.api';
export * from './lib/problem-query';
