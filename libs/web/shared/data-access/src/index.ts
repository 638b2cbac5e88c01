export * from './lib/context';
export * from './lib/regions.store';
export * from './lib/industries.store';
export * from './lib/site.store';
export * from './lib/cached-list';
export * from './lib/responsibility.store';
export * from './lib/app-update.store';
