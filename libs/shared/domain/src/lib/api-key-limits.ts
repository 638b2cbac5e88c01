/**
 * Per-key request budgets (DOMAIN.md §10, issue 16): every API key may make at most
 * `rateLimitPerMinute` requests in a minute (a fixed window aligned to the minute of the database's
 * clock, shared by every API process); past it the API answers 429 with Retry-After.
 *
 * The default, 600 a minute (10 a second on average), is ten times what a statistics system needs to
 * pull the feeds page by page (a full pull of the city's projects and a year of verified reports is
 * a few dozen pages) and leaves headroom for retries, yet one runaway client cannot take more than a
 * small share of the database. Below 10 a client could not even page a feed and push its FAI totals
 * in the same minute; above 60 000 (1 000 a second) the budget would protect nothing on one server.
 */
export const API_KEY_RATE_LIMIT_DEFAULT = 600;
export const API_KEY_RATE_LIMIT_MIN = 10;
export const API_KEY_RATE_LIMIT_MAX = 60_000;

/** The message for a budget outside the range, naming the field by its Chinese title. */
export const API_KEY_RATE_LIMIT_RANGE_MESSAGE = `每分钟请求上限须为 ${API_KEY_RATE_LIMIT_MIN}–${API_KEY_RATE_LIMIT_MAX} 的整数`;

/** Problems with a budget typed by a person or sent by a client, in Chinese; empty when acceptable. */
export function apiKeyRateLimitProblems(value: unknown): string[] {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < API_KEY_RATE_LIMIT_MIN || value > API_KEY_RATE_LIMIT_MAX) {
    return [API_KEY_RATE_LIMIT_RANGE_MESSAGE];
  }
  return [];
}

/** PATCH /api-keys/:id: a new budget for the key, with the version the admin read. */
export interface UpdateApiKeyRequest {
  rateLimitPerMinute: number;
  version: number;
}
