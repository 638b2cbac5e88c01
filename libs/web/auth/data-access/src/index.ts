export * from './lib/auth.service';
export * from './lib/auth.interceptor';
export * from './lib/error-notifier';
export * from './lib/guards';
export * from './lib/provide-auth';
export { SESSION_STORAGE_KEY, type Session } from './lib/session';
