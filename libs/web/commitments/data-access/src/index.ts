export * from './lib/commitments.api';
export * from './lib/commitment-query';
