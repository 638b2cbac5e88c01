import fc from 'fast-check';
import { ytdToMonthly } from './fai.js';
import { addWan, fromCents, subtractWan } from './money.js';

describe('ytdToMonthly (1–N月累计 → 当月)', () => {
  it('takes the earlier cumulative figure off, and January as it is', () => {
    expect(ytdToMonthly({ month: '2026-03', amountWan: '200000' }, { month: '2026-02', amountWan: '180000.50' })).toEqual({ amountWan: '19999.50', problem: null });
    expect(ytdToMonthly({ month: '2026-01', amountWan: '5000' }, 'UNKNOWN')).toEqual({ amountWan: '5000.00', problem: null });
    expect(ytdToMonthly({ month: '2026-04', amountWan: '12' }, null)).toEqual({ amountWan: '12.00', problem: null });
    expect(ytdToMonthly({ month: '2026-04', amountWan: '12' }, { month: '2026-02', amountWan: '12.00' })).toEqual({ amountWan: '0.00', problem: null });
  });

  it('says why a figure cannot be turned into a monthly one', () => {
    expect(ytdToMonthly({ month: '2026-04', amountWan: '150000' }, { month: '2026-03', amountWan: '200000' })).toEqual({
      amountWan: null,
      problem: '2026年4月累计数不能小于2026年3月累计数',
    });
    expect(ytdToMonthly({ month: '2026-03', amountWan: '1' }, 'UNKNOWN')).toEqual({ amountWan: null, problem: '缺少2026年2月及之前的累计数，无法换算2026年3月当月数' });
  });

  it('gives back monthly figures whose running sum is the cumulative series', () => {
    const month = (i: number) => `2026-${String(i + 1).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 14n }), { minLength: 1, maxLength: 12 }), (monthly) => {
        let ytd = '0';
        const series = monthly.map((c, i) => ({ month: month(i), amountWan: (ytd = addWan(ytd, fromCents(c))) }));
        const back = series.map((figure, i) => ytdToMonthly(figure, i === 0 ? null : series[i - 1]));
        expect(back.map((m) => m.amountWan)).toEqual(monthly.map(fromCents));
        // and a smaller cumulative figure is refused
        const last = series[series.length - 1];
        if (series.length > 1 && last.amountWan !== '0.00') {
          const next = { month: month(series.length), amountWan: subtractWan(last.amountWan, '0.01') };
          if (series.length < 12) expect(ytdToMonthly(next, last).problem).not.toBeNull();
        }
      }),
    );
  });
});
