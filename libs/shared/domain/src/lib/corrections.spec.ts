import fc from 'fast-check';
import {
  closedMonthsTouched,
  correctionChangeLines,
  COUNTING_FIELDS,
  type CountingFacts,
  periodClosedMessage,
  touchedByField,
  touchedSummary,
} from './corrections.js';
import { addMonths, monthOf } from './monthly.js';
import { INVESTOR_ORIGINS } from './projects.js';

const BASE: CountingFacts = {
  signedAt: '2024-03-05',
  contractAmountWan: '1200.00',
  investorOrigin: 'LOCAL',
  regionCode: '150525',
  industryCode: 'C01',
  isKeyProject: false,
  statsRegistered: false,
  statsRegisteredMonth: null,
  parentProjectNo: null,
  registeredAt: null,
  constructionStartedAt: null,
  productionStartedAt: null,
  terminatedAt: null,
};
const CLOSED = ['2024-01', '2024-02', '2024-03', '2024-04'];

describe('closedMonthsTouched (DOMAIN.md §5: closed periods stay closed)', () => {
  it('re-dating the signing from a closed month to an open one touches the closed ones from the old month on', () => {
    const touched = closedMonthsTouched(BASE, { ...BASE, signedAt: '2024-05-10' }, CLOSED, []);
    expect(touched).toEqual([
      { month: '2024-03', fields: ['signedAt'] },
      { month: '2024-04', fields: ['signedAt'] },
    ]);
    expect(periodClosedMessage(touched)).toBe('2024年3月、2024年4月已月结，修改签约日期会改变这些月份已发布的数据；如需更正请联系市级招商人员');
  });

  it('re-dating within the same month touches nothing (figures are per month)', () => {
    expect(closedMonthsTouched(BASE, { ...BASE, signedAt: '2024-03-28' }, CLOSED, [])).toEqual([]);
  });

  it('switching the origin of a project signed in a closed month touches it', () => {
    const touched = closedMonthsTouched(BASE, { ...BASE, investorOrigin: 'OUT_OF_REGION' }, CLOSED, []);
    expect(touchedSummary(touched)).toEqual({ months: ['2024-03', '2024-04'], fields: ['investorOrigin'] });
    expect(touchedByField(touched)[0]).toMatchObject({ field: 'investorOrigin', months: ['2024-03', '2024-04'] });
  });

  it('a start date from empty to a day in an open month touches nothing', () => {
    expect(closedMonthsTouched(BASE, { ...BASE, constructionStartedAt: '2024-06-01' }, CLOSED, [])).toEqual([]);
  });

  it('a start date in a closed month touches it and the closed months after it', () => {
    expect(closedMonthsTouched(BASE, { ...BASE, constructionStartedAt: '2024-04-02' }, CLOSED, [])).toEqual([{ month: '2024-04', fields: ['constructionStartedAt'] }]);
  });

  it('a project signed after every closed month changes freely', () => {
    const later = { ...BASE, signedAt: '2024-06-01' };
    expect(closedMonthsTouched(later, { ...later, investorOrigin: 'FOREIGN', contractAmountWan: '99', regionCode: '150502' }, CLOSED, [])).toEqual([]);
  });

  it('the same amount written differently is no change', () => {
    expect(closedMonthsTouched(BASE, { ...BASE, contractAmountWan: '1200' }, CLOSED, [])).toEqual([]);
  });

  it('入库 from a closed month on touches it; 入库 in an open month does not', () => {
    expect(closedMonthsTouched(BASE, { ...BASE, statsRegistered: true, statsRegisteredMonth: '2024-04' }, CLOSED, [])).toEqual([
      { month: '2024-04', fields: ['statsRegistered', 'statsRegisteredMonth'] },
    ]);
    expect(closedMonthsTouched(BASE, { ...BASE, statsRegistered: true, statsRegisteredMonth: '2024-07' }, CLOSED, [])).toEqual([]);
  });

  it('a new project signed in a closed month touches it', () => {
    expect(touchedSummary(closedMonthsTouched(null, BASE, CLOSED, [])).months).toEqual(['2024-03', '2024-04']);
  });

  it('a project that takes part in no figure a closed month published changes freely; a report, a start or the key flag in its window binds it', () => {
    // signed in 2022: nothing 2024-01 … 2024-04 published (the months, 1–M月累计, 同比 back to 2023-01) counts it
    const old = { ...BASE, signedAt: '2022-06-01' };
    const switched = { ...old, investorOrigin: 'OUT_OF_REGION' as const, contractAmountWan: '5000' };
    expect(closedMonthsTouched(old, switched, CLOSED, [])).toEqual([]);
    expect(closedMonthsTouched(old, switched, CLOSED, ['2022-07', '2022-12'])).toEqual([]);
    // its report of 2023-11 is in last year's arrivals of every closed month (同比): the origin reaches them
    expect(touchedSummary(closedMonthsTouched(old, switched, CLOSED, ['2023-11'])).months).toEqual(CLOSED);
    // started in 2024-02: counted from then on
    const started = { ...old, constructionStartedAt: '2024-02-10' };
    expect(touchedSummary(closedMonthsTouched(started, { ...started, investorOrigin: 'OUT_OF_REGION' }, CLOSED, [])).months).toEqual(['2024-02', '2024-03', '2024-04']);
    // a key project counts as of every period's end, however old; making one key or not is a correction
    expect(touchedSummary(closedMonthsTouched(old, { ...old, isKeyProject: true }, CLOSED, [])).fields).toEqual(['isKeyProject']);
  });

  it('lists the changes with Chinese labels and enum labels', () => {
    expect(correctionChangeLines({ before: { signedAt: '2024-03-05', investorOrigin: 'LOCAL' }, after: { signedAt: '2024-05-10', investorOrigin: 'OUT_OF_REGION' } })).toEqual([
      '签约日期：2024-03-05 → 2024-05-10',
      '投资方来源：本地 → 区外',
    ]);
  });

  // properties over random projects, changes and closed months
  const day = fc.integer({ min: 0, max: 1000 }).map((n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const optionalDay = fc.option(day, { nil: null });
  const facts: fc.Arbitrary<CountingFacts> = fc.record({
    signedAt: fc.option(day, { nil: null }),
    contractAmountWan: fc.constantFrom('0.00', '100.00', '1000.00', '2500.50'),
    investorOrigin: fc.constantFrom(...INVESTOR_ORIGINS),
    regionCode: fc.constantFrom('150502', '150525'),
    industryCode: fc.constantFrom('C01', 'C02'),
    isKeyProject: fc.boolean(),
    statsRegistered: fc.boolean(),
    statsRegisteredMonth: fc.option(day.map(monthOf), { nil: null }),
    parentProjectNo: fc.constantFrom(null, '150525-2023-0001'),
    registeredAt: optionalDay,
    constructionStartedAt: optionalDay,
    productionStartedAt: optionalDay,
    terminatedAt: optionalDay,
  });
  const closed = fc.uniqueArray(fc.integer({ min: 0, max: 35 }).map((n) => addMonths('2023-01', n)), { maxLength: 12 });

  it('touches nothing when nothing changes, and only closed months, naming only changed fields', () => {
    fc.assert(
      fc.property(facts, facts, closed, (before, after, months) => {
        expect(closedMonthsTouched(before, before, months, [])).toEqual([]);
        const touched = closedMonthsTouched(before, after, months, []);
        for (const t of touched) {
          expect(months).toContain(t.month);
          expect(t.fields.length).toBeGreaterThan(0);
          for (const f of t.fields) expect(before[f]).not.toEqual(after[f]);
        }
      }),
    );
  });

  it('a change of a field alone touches no closed month before the project was signed (on either side)', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...COUNTING_FIELDS.filter((f) => f !== 'signedAt')), facts, closed, (before, field, other, months) => {
        const after = { ...before, [field]: other[field] } as CountingFacts;
        for (const t of closedMonthsTouched(before, after, months, [])) {
          expect(before.signedAt).not.toBeNull();
          expect(t.month >= monthOf(before.signedAt as string)).toBe(true);
        }
      }),
    );
  });

  const reportMonths = fc.uniqueArray(fc.integer({ min: 0, max: 35 }).map((n) => addMonths('2023-01', n)), { maxLength: 6 });

  it('a change is symmetric: undoing it touches the same months', () => {
    fc.assert(
      fc.property(facts, facts, closed, reportMonths, (a, b, months, reports) => {
        expect(touchedSummary(closedMonthsTouched(a, b, months, reports)).months).toEqual(touchedSummary(closedMonthsTouched(b, a, months, reports)).months);
      }),
    );
  });

  it('more reports can only bind a project to more closed months', () => {
    fc.assert(
      fc.property(facts, facts, closed, reportMonths, reportMonths, (a, b, months, some, more) => {
        const few = touchedSummary(closedMonthsTouched(a, b, months, some)).months;
        const many = touchedSummary(closedMonthsTouched(a, b, months, [...some, ...more])).months;
        for (const m of few) expect(many).toContain(m);
      }),
    );
  });

  it('a month the change touches stays touched when more months are closed (the result is per month)', () => {
    fc.assert(
      fc.property(facts, facts, closed, closed, (a, b, some, more) => {
        const few = closedMonthsTouched(a, b, some, []);
        const many = closedMonthsTouched(a, b, [...some, ...more], []);
        for (const t of few) expect(many).toContainEqual(t);
      }),
    );
  });
});
