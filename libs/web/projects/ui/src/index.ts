export * from './lib/history-format';
export * from './lib/look-alike-table';
export * from './lib/project-history';
export * from './lib/project-timeline';
export * from './lib/stage-tag';
export * from './lib/timeline';
