export * from './lib/users.api';
export * from './lib/api-keys.api';
export * from './lib/industries.api';
export * from './lib/audit.api';
export * from './lib/responsibility.api';
export * from './lib/webhooks.api';
