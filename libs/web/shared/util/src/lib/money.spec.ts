import { contentDispositionFileName } from './download';
import { fromIsoDate, fromIsoMonth, toIsoDate, toIsoMonth } from './dates';
import { formatRate } from './format';
import { formatCount, formatMoney, formatWan } from './money';

describe('money in 万元 and 亿元', () => {
  it('shows 万元 with thousands separators and two decimals', () => {
    expect(formatWan('1200')).toBe('1,200.00');
    expect(formatWan('1350.5')).toBe('1,350.50');
    expect(formatWan('1234567.89')).toBe('1,234,567.89');
    expect(formatWan('0')).toBe('0.00');
    expect(formatWan('999.99')).toBe('999.99');
    expect(formatWan(null)).toBe('—');
    expect(formatWan('', '（空）')).toBe('（空）');
  });

  it('rounds on the digits, half away from zero, where a float would not', () => {
    // Number('1.005').toFixed(2) is '1.00'
    expect(formatWan('1.005')).toBe('1.01');
    expect(formatWan('999999.995')).toBe('1,000,000.00');
    expect(formatWan('0.004')).toBe('0.00');
    expect(formatWan('-0.004')).toBe('0.00');
    expect(formatWan('-1234.5')).toBe('-1,234.50');
    // larger than a float can hold exactly
    expect(formatWan('123456789012345678.91')).toBe('123,456,789,012,345,678.91');
  });

  it('switches to 亿元 from 1 亿 on', () => {
    expect(formatMoney('875200.00')).toBe('87.52 亿元');
    expect(formatMoney('875249.99')).toBe('87.52 亿元');
    expect(formatMoney('875250')).toBe('87.53 亿元');
    expect(formatMoney('10000')).toBe('1.00 亿元');
    expect(formatMoney('9999.99')).toBe('9,999.99 万元');
    expect(formatMoney('1234567890')).toBe('123,456.79 亿元');
    expect(formatMoney('0')).toBe('0.00 万元');
    expect(formatMoney('-12345')).toBe('-1.23 亿元');
    expect(formatMoney('九千')).toBe('九千');
    expect(formatMoney(undefined)).toBe('—');
  });

  it('groups counts', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
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
