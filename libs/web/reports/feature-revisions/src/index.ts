export * from './lib/revisions.routes';
export * from './lib/publication-badge';
export * from './lib/publications.api';
