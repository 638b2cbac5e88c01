export * from './lib/roles.js';
export * from './lib/capabilities.js';
export * from './lib/errors.js';
export * from './lib/dictionaries.js';
export * from './lib/users.js';
export * from './lib/audit.js';
export * from './lib/codes.js';
export * from './lib/lifecycle.js';
