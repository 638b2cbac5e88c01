import { DEFAULT_WEBHOOK_WORKER_OPTIONS, retryDelayMs } from './webhook-worker';

describe('retryDelayMs', () => {
  const middle = () => 0.5;

  it('waits 5 s, then three times longer each retry, up to two hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => retryDelayMs(n, DEFAULT_WEBHOOK_WORKER_OPTIONS, middle))).toEqual([
      5_000, 15_000, 45_000, 135_000, 405_000, 1_215_000, 3_645_000, 7_200_000, 7_200_000,
    ]);
  });

  it('spreads retries by ±20 %', () => {
    expect(retryDelayMs(2, DEFAULT_WEBHOOK_WORKER_OPTIONS, () => 0)).toBe(12_000);
    expect(retryDelayMs(2, DEFAULT_WEBHOOK_WORKER_OPTIONS, () => 0.999999)).toBe(18_000);
  });

  it('keeps trying for a day: about 18 attempts before a delivery is given up', () => {
    let elapsed = 0;
    let attempts = 1;
    while (elapsed < DEFAULT_WEBHOOK_WORKER_OPTIONS.giveUpAfterMs) elapsed += retryDelayMs(attempts++, DEFAULT_WEBHOOK_WORKER_OPTIONS, middle);
    expect(attempts).toBeGreaterThanOrEqual(15);
    expect(attempts).toBeLessThanOrEqual(20);
  });
});
