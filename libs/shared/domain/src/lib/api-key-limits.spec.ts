import { API_KEY_RATE_LIMIT_DEFAULT, API_KEY_RATE_LIMIT_MAX, API_KEY_RATE_LIMIT_MIN, apiKeyRateLimitProblems } from './api-key-limits.js';

describe('apiKeyRateLimitProblems', () => {
  it('accepts whole numbers within the range, the default among them', () => {
    for (const value of [API_KEY_RATE_LIMIT_MIN, API_KEY_RATE_LIMIT_DEFAULT, API_KEY_RATE_LIMIT_MAX]) expect(apiKeyRateLimitProblems(value)).toEqual([]);
  });

  it.each([API_KEY_RATE_LIMIT_MIN - 1, API_KEY_RATE_LIMIT_MAX + 1, 12.5, Number.NaN, '600', null])('refuses %p naming the field', (value) => {
    expect(apiKeyRateLimitProblems(value)).toEqual(['每分钟请求上限须为 10–60000 的整数']);
  });
});
