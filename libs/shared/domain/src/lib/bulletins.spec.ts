import { bulletinFileName, bulletinIssueLabel, bulletinRate, bulletinTitle, quarterMonths, quarterOf, shineOf, yoyText } from './bulletins.js';

describe('季通报 helpers', () => {
  it('names the quarter, its months, its issue number and its title', () => {
    expect(quarterMonths('2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(quarterMonths('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(['2026-01', '2026-03', '2026-04', '2026-12'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
    expect(bulletinIssueLabel('2026-Q3')).toBe('2026年第3期');
    expect(bulletinTitle('2026-Q4')).toBe('关于2026年第四季度全市招商引资工作情况的通报');
    expect(bulletinFileName({ quarter: '2026-Q3', version: 1 })).toBe('通辽市招商引资工作季度通报-2026年第3期.docx');
    expect(bulletinFileName({ quarter: '2026-Q3', version: 2 })).toBe('通辽市招商引资工作季度通报-2026年第3期-第2版.docx');
    expect(() => quarterMonths('2026-Q5')).toThrow(RangeError);
  });

  it('words 同比 and rates, "—" or nothing when there is no base', () => {
    expect(yoyText(0.1234)).toBe('同比增长12.3%');
    expect(yoyText(-0.04)).toBe('同比下降4.0%');
    expect(yoyText(0)).toBe('同比持平');
    expect(yoyText(null)).toBe('');
    expect(bulletinRate(null)).toBe('—');
    expect(bulletinRate(1)).toBe('100.0%');
  });

  it('takes the best three and the worst three ranked districts, never one in both, skipping the unranked', () => {
    const row = (code: string, rank: number | null) => ({ code, rank, completion: rank === null ? null : 1 / rank });
    const nine = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((code, i) => row(code, i + 1));
    const { best, worst } = shineOf([...nine].reverse());
    expect(best.map((r) => r.code)).toEqual(['a', 'b', 'c']);
    // the worst first
    expect(worst.map((r) => r.code)).toEqual(['i', 'h', 'g']);
    const four = shineOf([row('a', 1), row('b', 2), row('x', null), row('c', 3), row('d', 4)]);
    expect(four.best.map((r) => r.code)).toEqual(['a', 'b', 'c']);
    expect(four.worst.map((r) => r.code)).toEqual(['d']);
    expect(shineOf([row('x', null)])).toEqual({ best: [], worst: [] });
  });
});
