/**
 * The API's typed client, generated from /api/openapi.json by `npm run api:client` (@hey-api/openapi-ts):
 * one function per operation (`projectsFeed`, `reportsFeed`, `faiWrite`, …), the types of every answer,
 * and the shared error body `ApiErrorResponse`. A test fails when this is stale against the API.
 */
export * from './generated/index';
export { createClient, createConfig } from './generated/client';
export type { Client, Config } from './generated/client';
