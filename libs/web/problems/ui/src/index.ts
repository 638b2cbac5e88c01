export * from './lib/issue-tags';
export * from './lib/issue-due';
