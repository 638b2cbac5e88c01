export * from './lib/key-projects';
export * from './lib/kpi';
export * from './lib/kpi-card';
export * from './lib/warning-counts';
