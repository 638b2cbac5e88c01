import { CITY_TOTAL_NOTE } from '@zhaoshang/shared/domain';
import { formatRate } from '@zhaoshang/web/shared/util';
import { buildKpis, formatPoints, formatYi, growthMeaning, hasFigures, timeProgress, yiNumber, yoyOf } from './figures';
import { values, yoy } from './test-data';

describe('dashboard figures', () => {
  it('shows large amounts in 亿元 with two decimals, on the digits', () => {
    expect(formatYi('123456.78')).toBe('12.35');
    expect(formatYi('4999.99')).toBe('0.50');
    expect(formatYi('12345678.00')).toBe('1,234.57');
    expect(formatYi(null)).toBe('—');
    expect(yiNumber('87520.50')).toBe(8.75);
  });

  it('shows rates as percentages with one decimal and null as —', () => {
    expect(formatRate(0.771)).toBe('77.1%');
    expect(formatRate(0.07705)).toBe('7.7%');
    expect(formatRate(1.2)).toBe('120.0%');
    expect(formatRate(null)).toBe('—');
    expect(formatPoints(2.3456)).toBe('2.3');
    expect(formatPoints(null)).toBe('—');
  });

  it('gives 同比 an up arrow for growth and a down arrow for a fall', () => {
    expect(yoyOf(0.1234)).toEqual({ text: '+12.3%', trend: 'up' });
    expect(yoyOf(-0.04)).toEqual({ text: '-4.0%', trend: 'down' });
    expect(yoyOf(0.00001)).toEqual({ text: '0.0%', trend: 'flat' });
    expect(yoyOf(null)).toEqual({ text: '—', trend: null });
  });

  it('builds the eight cards, with the 县际 note on the city only', () => {
    const total = {
      ...values({
        signedCount: 12,
        signedCount10m: 5,
        signedAmountWan: '356000.00',
        startedCount: 7,
        startRate: 0.5833,
        arrivedFundsWan: '87520.50',
        fundsToFaiRatio: 0.771,
        arrivalRate: null,
        growthContribution: 0.25,
        pull: 1.234,
        foreignCapitalWan: '12000.00',
        yoy: yoy({ signedCount: 0.2, signedAmountWan: -0.1, startedCount: 0, arrivedFundsWan: 0.333, foreignCapitalWan: -0.25 }),
      }),
      note: CITY_TOTAL_NOTE,
    };
    const city = buildKpis(total, true);
    expect(city.map((k) => [k.label, k.value, k.unit])).toEqual([
      ['签约项目', '12', '个'],
      ['签约额', '35.60', '亿元'],
      ['开工项目', '7', '个'],
      ['到位资金', '8.75', '亿元'],
      ['实际利用外资', '1.20', '亿元'],
      ['到位资金目标完成率', '—', ''],
      ['资金到位率', '—', ''],
      ['增长贡献率', '25.0%', ''],
    ]);
    expect(city.filter((k) => k.clickable).map((k) => k.key)).toEqual(['signed', 'signedAmount', 'started', 'arrived', 'foreign']);
    expect(city[0].lines[0]).toMatchObject({ label: '其中千万元以上', value: '5', yoy: { text: '—', trend: null } });
    expect(city[1].yoy).toEqual({ text: '-10.0%', trend: 'down' });
    expect(city[2].lines[0]).toMatchObject({ label: '开工率', value: '58.3%' });
    expect(city[3].lines[0]).toMatchObject({ label: '占固投比重', value: '77.1%' });
    expect(city[4].yoy).toEqual({ text: '-25.0%', trend: 'down' });
    expect(city[3].note).toBe(CITY_TOTAL_NOTE);
    expect(city[5].lines[0]).toMatchObject({ label: '尚未下达年度目标任务' });
    expect(city[7].lines[0]).toMatchObject({ label: '拉动', value: '1.2', unit: '个百分点' });
    expect(buildKpis(total, false)[3].note).toBeNull();
  });

  it('says what 增长贡献率 means when arrivals and FAI both fell, or FAI fell alone', () => {
    const of = (arrived: string, arrivedLast: string, fai: string, faiLast: string) =>
      growthMeaning({ arrivedFundsWan: arrived, faiTotalWan: fai, lastYear: { ...values().lastYear, arrivedFundsWan: arrivedLast, faiTotalWan: faiLast } });
    expect(of('800.00', '1000.00', '9000.00', '10000.00')).toEqual({ arrivedChange: '-200.00', faiChange: '-1000.00', warning: '到位资金与固投同比双降：贡献率为正，不表示增长' });
    expect(of('1200.00', '1000.00', '9000.00', '10000.00').warning).toBe('固投同比下降而到位资金增长：贡献率为负');
    expect(of('1200.00', '1000.00', '11000.00', '10000.00').warning).toBeNull();
    const bothFell = buildKpis({ ...values({ arrivedFundsWan: '800.00', faiTotalWan: '9000.00', growthContribution: 0.2, lastYear: { ...values().lastYear, arrivedFundsWan: '1000.00', faiTotalWan: '10000.00' } }), note: null }, false);
    const growth = bothFell.find((k) => k.key === 'growth');
    expect(growth?.warning).toContain('双降');
    expect(growth?.lines.map((l) => [l.label, l.value])).toEqual([
      ['拉动', '—'],
      ['到位资金同比增减', '-0.02'],
      ['固投同比增减', '-0.10'],
    ]);
  });

  it('sets the target completion against the time gone by', () => {
    expect(timeProgress('2026-10')).toBeCloseTo(10 / 12);
    const kpis = buildKpis({ ...values({ targetCompletion: { arrivedFundsWan: 0.6 } }), note: null }, true, '2026-09');
    const target = kpis.find((k) => k.key === 'target');
    expect(target?.value).toBe('60.0%');
    expect(target?.lines).toEqual([
      { label: '时间进度', value: '75.0%', unit: '' },
      { label: '慢于时间进度', value: '15.0', unit: '个百分点' },
    ]);
    expect(target?.warning).toBe('完成率落后于时间进度');
    expect(buildKpis({ ...values({ targetCompletion: { arrivedFundsWan: 0.8 } }), note: null }, true, '2026-09').find((k) => k.key === 'target')?.warning).toBeNull();
  });

  it('tells an empty period from one with figures', () => {
    expect(hasFigures({ rows: [], total: { ...values(), note: null } })).toBe(false);
    expect(hasFigures({ rows: [], total: { ...values({ arrivedByOrigin: { ...values().arrivedByOrigin, LOCAL: '10.00' } }), note: null } })).toBe(true);
  });
});
