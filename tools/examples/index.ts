// The statistics system's example (docs/integration.md §10), importable by the integration spec that runs it.
export * from './statistics-sync';
export { verifyStandardWebhook } from './webhook-verify';
