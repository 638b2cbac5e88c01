import { nextDailyRun } from './backup-scheduler.js';

describe('nextDailyRun', () => {
  it('is today at the minute when it is still ahead, else tomorrow', () => {
    expect(nextDailyRun('02:30', new Date(2026, 11, 5, 1, 0))).toEqual(new Date(2026, 11, 5, 2, 30));
    expect(nextDailyRun('02:30', new Date(2026, 11, 5, 2, 30))).toEqual(new Date(2026, 11, 6, 2, 30));
    expect(nextDailyRun('02:30', new Date(2026, 11, 5, 23, 59))).toEqual(new Date(2026, 11, 6, 2, 30));
    expect(nextDailyRun('00:00', new Date(2026, 11, 31, 12, 0))).toEqual(new Date(2027, 0, 1, 0, 0));
  });
});
