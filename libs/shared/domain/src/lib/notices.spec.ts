import fc from 'fast-check';
import { setTodayProvider, shanghaiToday } from './lifecycle.js';
import {
  addWorkingDays,
  chineseDate,
  DEFAULT_NOTICE_SETTINGS,
  isWorkingDay,
  NEXT_NOTICE_KIND,
  noticeFileName,
  noticeNumber,
  noticeRequirement,
  noticeSettingsProblems,
  noticeTitle,
  withDefaultNoticeSettings,
  type WorkingCalendar,
  workingDaysAfter,
} from './notices.js';

/** Failing runs print their seed; FAST_CHECK_SEED replays one (as the other property specs). */
const RUN = { numRuns: Number(process.env['FAST_CHECK_RUNS'] ?? 300), seed: process.env['FAST_CHECK_SEED'] ? Number(process.env['FAST_CHECK_SEED']) : undefined };

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const fromDayNumber = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const START = dayNumber('2025-01-01');
const SPAN = 3 * 366;

/**
 * A day and a calendar as the settings hold one: holidays on weekdays (国庆, 春节…), 调休 working
 * days on weekends, dense in the weeks around the day so that they matter to its deadlines.
 */
const dayAndCalendar: fc.Arbitrary<[string, WorkingCalendar]> = fc
  .tuple(fc.integer({ min: START, max: START + SPAN }), fc.uniqueArray(fc.integer({ min: -10, max: 70 }), { maxLength: 40 }), fc.uniqueArray(fc.integer({ min: -10, max: 70 }), { maxLength: 10 }))
  .map(([day, off, on]) => {
    const d = fromDayNumber(day);
    const holidays = off.map((o) => fromDayNumber(day + o)).filter((x) => weekday(x) !== 0 && weekday(x) !== 6);
    const extraWorkdays = on.map((o) => fromDayNumber(day + o)).filter((x) => weekday(x) === 0 || weekday(x) === 6);
    return [d, { holidays, extraWorkdays }];
  });
const n = fc.integer({ min: 0, max: 40 });

/** The last working day on or before `d`. */
function workingDayOnOrBefore(d: string, cal: WorkingCalendar): string {
  let at = d;
  while (!isWorkingDay(at, cal)) at = fromDayNumber(dayNumber(at) - 1);
  return at;
}

describe('working days (三单一函 deadlines, DOMAIN.md §9)', () => {
  const none: WorkingCalendar = { holidays: [], extraWorkdays: [] };

  it('skips the weekend: issued on a Friday with 3 working days, due the Wednesday after', () => {
    expect(addWorkingDays('2026-12-04', 3, none)).toBe('2026-12-09');
    expect(addWorkingDays('2026-12-05', 1, none)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-04', 0, none)).toBe('2026-12-04');
    expect(workingDaysAfter('2026-12-04', '2026-12-09', none)).toBe(3);
    expect(workingDaysAfter('2026-12-09', '2026-12-04', none)).toBe(0);
  });

  it('skips holidays and counts 调休 weekend working days', () => {
    const golden: WorkingCalendar = { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], extraWorkdays: ['2026-10-10'] };
    expect(addWorkingDays('2026-09-30', 1, golden)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, golden)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 7, golden)).toBe('2026-10-15');
  });

  it('lands on a working day, never a holiday, for n > 0', () => {
    fc.assert(
      fc.property(dayAndCalendar, fc.integer({ min: 1, max: 40 }), ([d, cal], k) => {
        const due = addWorkingDays(d, k, cal);
        expect(isWorkingDay(due, cal)).toBe(true);
        expect(cal.holidays.includes(due)).toBe(false);
        expect(due > d).toBe(true);
      }),
      RUN,
    );
  });

  it('counts back what it added: workingDaysAfter(d, addWorkingDays(d, n)) = n', () => {
    fc.assert(
      fc.property(dayAndCalendar, n, ([d, cal], k) => {
        expect(workingDaysAfter(d, addWorkingDays(d, k, cal), cal)).toBe(k);
      }),
      RUN,
    );
  });

  it('is strictly increasing in n, and later starts never give earlier deadlines', () => {
    fc.assert(
      fc.property(dayAndCalendar, n, fc.integer({ min: 0, max: 20 }), ([d, cal], k, shift) => {
        expect(addWorkingDays(d, k + 1, cal) > addWorkingDays(d, k, cal)).toBe(true);
        const later = fromDayNumber(dayNumber(d) + shift);
        expect(addWorkingDays(later, k, cal) >= addWorkingDays(d, k, cal)).toBe(true);
      }),
      RUN,
    );
  });

  it('clamps a start on a weekend or holiday to the last working day before it', () => {
    fc.assert(
      fc.property(dayAndCalendar, fc.integer({ min: 1, max: 40 }), ([d, cal], k) => {
        const clamped = workingDayOnOrBefore(d, cal);
        // issued on a Saturday (or in 国庆) counts as issued on the Friday before
        expect(addWorkingDays(d, k, cal)).toBe(addWorkingDays(clamped, k, cal));
        const to = fromDayNumber(dayNumber(d) + k);
        expect(workingDaysAfter(d, to, cal)).toBe(workingDaysAfter(clamped, to, cal));
      }),
      RUN,
    );
  });

  it('counts working days past a deadline additively across any middle day', () => {
    fc.assert(
      fc.property(dayAndCalendar, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), ([d, cal], a, b) => {
        const mid = fromDayNumber(dayNumber(d) + a);
        const end = fromDayNumber(dayNumber(mid) + b);
        expect(workingDaysAfter(d, end, cal)).toBe(workingDaysAfter(d, mid, cal) + workingDaysAfter(mid, end, cal));
      }),
      RUN,
    );
  });
});

describe('notice texts', () => {
  it('numbers, titles, dates and names files as the bureau writes them', () => {
    expect(noticeNumber('通招督', 2026, 7)).toBe('通招督〔2026〕7号');
    expect(noticeTitle('URGE', '某项目', '用地')).toBe('关于某项目用地问题的催办单');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(noticeFileName({ kind: 'SUPERVISE', number: '通招督〔2026〕7号' })).toBe('通招督〔2026〕7号-督办单.docx');
    expect(noticeFileName({ kind: 'TRANSFER', number: null })).toBe('草稿-移交函.docx');
    expect(noticeRequirement('SUPERVISE', 3)).toBe('请于3个工作日内办结并书面反馈办理结果，逾期将按程序移交市纪委监委。');
    expect(NEXT_NOTICE_KIND.TRANSFER).toBeNull();
  });
});

describe('notice settings', () => {
  it('accepts the defaults and names the field of each bad value', () => {
    expect(noticeSettingsProblems(DEFAULT_NOTICE_SETTINGS)).toEqual([]);
    const bad = {
      ...DEFAULT_NOTICE_SETTINGS,
      prefixes: { ...DEFAULT_NOTICE_SETTINGS.prefixes, REMINDER: '', URGE: '一二三四五六七八九十十' },
      deadlineWorkingDays: { ...DEFAULT_NOTICE_SETTINGS.deadlineWorkingDays, SUPERVISE: 0, TRANSFER: 2.5 },
      holidays: ['2026-10-01', '2026-13-01'],
      extraWorkdays: 'none',
      issuer: ' ',
    };
    expect(noticeSettingsProblems(bad).map((p) => p.field)).toEqual([
      'settings.prefixes.REMINDER',
      'settings.prefixes.URGE',
      'settings.deadlineWorkingDays.SUPERVISE',
      'settings.deadlineWorkingDays.TRANSFER',
      'settings.holidays.1',
      'settings.extraWorkdays',
      'settings.issuer',
    ]);
    expect(noticeSettingsProblems(null).length).toBeGreaterThan(0);
  });

  it('reads stored settings over the defaults', () => {
    expect(withDefaultNoticeSettings(undefined)).toEqual(DEFAULT_NOTICE_SETTINGS);
    expect(withDefaultNoticeSettings({ holidays: ['2026-10-02', '2026-10-01'] })).toMatchObject({ holidays: ['2026-10-01', '2026-10-02'], issuer: DEFAULT_NOTICE_SETTINGS.issuer });
  });
});

describe('the test clock provider of shanghaiToday', () => {
  afterEach(() => setTodayProvider(null));

  it('answers the provider’s day when asked for today, the real clock otherwise', () => {
    const real = shanghaiToday();
    setTodayProvider(() => '2030-02-03');
    expect(shanghaiToday()).toBe('2030-02-03');
    // an explicit instant is about that instant, never the test clock's
    expect(shanghaiToday(new Date('2026-12-05T20:00:00Z'))).toBe('2026-12-06');
    setTodayProvider(() => null);
    expect(shanghaiToday()).toBe(real);
    setTodayProvider(null);
    expect(shanghaiToday()).toBe(real);
  });
});
