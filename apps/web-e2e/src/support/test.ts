import { test as base } from '@playwright/test';
import { E2E_PORT } from './constants';

export * from '@playwright/test';

/**
 * Playwright's `test`, with each worker on its own server: the worker of parallel index i talks to the
 * API (and embedded PostgreSQL) started on E2E_PORT + i by playwright.config.ts. A spec file runs in one
 * worker, and a parallel index is held by one worker at a time, so each database sees the spec files one
 * after another, as with a single worker. Pages, `request` and contexts a test opens itself all take
 * this base URL. Specs import `test` and `expect` from here (ESLint refuses `@playwright/test` in a spec).
 */
export const test = base.extend({
  // Playwright reads a fixture's dependencies from its first parameter: this one has none
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use, testInfo) => {
    await use(`http://127.0.0.1:${E2E_PORT + testInfo.parallelIndex}`);
  },
});
