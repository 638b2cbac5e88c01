import { contentDispositionFileName } from './download';
import { fromIsoDate, fromIsoMonth, toIsoDate, toIsoMonth } from './dates';
import { formatRate } from './format';
import { formatCount, formatMoney, formatWan, stripGrouping } from './money';

describe('money in 万元 and 亿元', () => {
  it.each([
    ['1200', '1,200.00'],
    ['1350.5', '1,350.50'],
    ['1234567.89', '1,234,567.89'],
    ['0', '0.00'],
    ['999.99', '999.99'],
    // rounded on the digits, half away from zero, where a float would not: Number('1.005').toFixed(2) is '1.00'
    ['1.005', '1.01'],
    ['999999.995', '1,000,000.00'],
    ['0.004', '0.00'],
    ['-0.004', '0.00'],
    ['-1234.5', '-1,234.50'],
    // larger than a float can hold exactly
    ['123456789012345678.91', '123,456,789,012,345,678.91'],
    ['九千', '九千'],
  ])('shows %s 万元 as %s: thousands separators, two decimals', (wan, shown) => expect(formatWan(wan)).toBe(shown));

  it.each([
    ['875200.00', '87.52 亿元'],
    ['875249.99', '87.52 亿元'],
    ['875250', '87.53 亿元'],
    ['10000', '1.00 亿元'],
    ['9999.99', '9,999.99 万元'],
    ['1234567890', '123,456.79 亿元'],
    ['0', '0.00 万元'],
    ['-12345', '-1.23 亿元'],
    ['九千', '九千'],
  ])('shows %s 万元 as %s, in 亿元 from 1 亿 on', (wan, shown) => expect(formatMoney(wan)).toBe(shown));

  it('shows the fallback for no amount', () => {
    expect(formatWan(null)).toBe('—');
    expect(formatWan('', '（空）')).toBe('（空）');
    expect(formatMoney(undefined)).toBe('—');
  });

  it('groups counts', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('stripGrouping', () => {
  it.each([
    [' 1,234,567.8 ', '1234567.8'],
    ['1，234', '1234'],
    [' 1，234,5 ', '12345'],
    ['-1.5万', '-1.5万'],
  ])('reads %p as %p: the separators and spaces a pasted number brings go, nothing else', (typed, plain) => {
    expect(stripGrouping(typed)).toBe(plain);
  });
});

describe('contentDispositionFileName', () => {
  it('prefers the UTF-8 name, then the plain one', () => {
    const chinese = encodeURIComponent('招商项目清单-20260105.xlsx');
    expect(contentDispositionFileName(`attachment; filename="projects.xlsx"; filename*=UTF-8''${chinese}`)).toBe('招商项目清单-20260105.xlsx');
    expect(contentDispositionFileName('attachment; filename="projects.xlsx"')).toBe('projects.xlsx');
    expect(contentDispositionFileName('attachment; filename=projects.xlsx')).toBe('projects.xlsx');
    expect(contentDispositionFileName('attachment')).toBeNull();
    expect(contentDispositionFileName(null)).toBeNull();
  });
});

describe('formatRate', () => {
  it('shows a fraction as a percentage with one decimal, and — without a rate', () => {
    expect(formatRate(0.771)).toBe('77.1%');
    expect(formatRate(0.7714)).toBe('77.1%');
    expect(formatRate(0.07705)).toBe('7.7%');
    expect(formatRate(1.25)).toBe('125.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('picker dates', () => {
  it('keeps the calendar day the user picked', () => {
    expect(toIsoDate(new Date(2025, 0, 5))).toBe('2025-01-05');
    expect(fromIsoDate('2025-12-31')?.getDate()).toBe(31);
    expect(fromIsoDate('2025-1-5')).toBeNull();
    expect(toIsoMonth(new Date(2026, 8, 30))).toBe('2026-09');
    expect(fromIsoMonth('2026-09')?.getMonth()).toBe(8);
  });
});
