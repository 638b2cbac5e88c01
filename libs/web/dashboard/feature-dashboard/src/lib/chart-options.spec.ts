import { districtBars, districtOption, drillOf, industryOption, originLegendName, originOption, shortIndustryName, trendOption, uncountedOrigins, warningOption } from './chart-options';
import { withoutAnimation } from './chart';
import { row, values } from './test-data';

const desktop = { compact: false };

// the options are plain objects; the tests read them as such
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe('dashboard chart options', () => {
  it('draws the monthly trend: arrived funds as bars, last year’s beside them, FAI as a line, the ratio on the right axis', () => {
    const rows = [
      row('2026-01', '2026-01', { arrivedFundsWan: '12000.00', faiTotalWan: '150000.00', fundsToFaiRatio: 0.08, lastYear: { ...values().lastYear, arrivedFundsWan: '9000.00' } }),
      row('2026-02', '2026-02', { arrivedFundsWan: '0.00', faiTotalWan: '0.00', fundsToFaiRatio: null }),
    ];
    const option = trendOption(rows, desktop) as Loose;
    expect(option.xAxis.data).toEqual(['1月', '2月']);
    const [bars, lastYear, fai, ratio] = option.series;
    expect(bars.data.map((d: Loose) => d.value)).toEqual([1.2, 0]);
    expect(lastYear).toMatchObject({ name: '上年同期到位资金', type: 'line', data: [0.9, 0] });
    expect(bars.data[0].drill).toEqual({ kind: 'month', month: '2026-01' });
    expect(fai.data).toEqual([15, '-']);
    expect(ratio).toMatchObject({ yAxisIndex: 1, data: [8, '-'] });
  });

  it('labels months of two years with the year', () => {
    const option = trendOption([row('2025-12', ''), row('2026-01', '')], desktop) as Loose;
    expect(option.xAxis.data).toEqual(['25年12月', '26年1月']);
  });

  it('ranks districts by arrived funds or by target completion, largest on top', () => {
    const rows = [
      row('150502', '科尔沁区', { arrivedFundsWan: '5000.00', targetCompletion: { arrivedFundsWan: 0.25 } }),
      row('150525', '奈曼旗', { arrivedFundsWan: '25000.00', targetCompletion: { arrivedFundsWan: 0.1 } }),
      row('150524', '库伦旗', { arrivedFundsWan: '0.00', targetCompletion: { arrivedFundsWan: null } }),
    ];
    expect(districtBars(rows, 'arrived').map((b) => [b.name, b.label])).toEqual([
      ['奈曼旗', '2.50'],
      ['科尔沁区', '0.50'],
      ['库伦旗', '0.00'],
    ]);
    expect(districtBars(rows, 'completion').map((b) => [b.name, b.label])).toEqual([
      ['科尔沁区', '25.0%'],
      ['奈曼旗', '10.0%'],
      ['库伦旗', '未设目标'],
    ]);
    const option = districtOption(districtBars(rows, 'arrived'), 'arrived', '150525', desktop) as Loose;
    expect(option.yAxis.data).toEqual(['库伦旗', '科尔沁区', '奈曼旗']);
    const naiman = option.series[0].data[2];
    expect(naiman.drill).toEqual({ kind: 'region', regionCode: '150525' });
    expect(naiman.itemStyle.color).not.toBe(option.series[0].data[1].itemStyle.color);
    expect(drillOf({ data: naiman })).toEqual({ kind: 'region', regionCode: '150525' });
    expect(drillOf({ data: 3 })).toBeNull();
  });

  it('shows industries by their short name, without the empty ones', () => {
    expect(shortIndustryName('新能源（风电、光伏、储能、氢能）')).toBe('新能源');
    expect(shortIndustryName('其他')).toBe('其他');
    const option = industryOption(
      [row('NE', '新能源（风电、光伏、储能、氢能）', { signedAmountWan: '300000.00', arrivedFundsWan: '20000.00' }), row('AG', '玉米生物及农畜产品精深加工（含肉牛）', { signedAmountWan: '80000.00' }), row('CT', '文化旅游')],
      desktop,
    ) as Loose;
    expect(option.yAxis.data).toEqual(['玉米生物及农畜产品精深加工', '新能源']);
    // each bar drills to its own figure: 签约额 or 到位资金 of the industry
    expect(option.series[0].data[1]).toMatchObject({ value: 30, drill: { kind: 'industry', industryCode: 'NE', indicator: 'signedAmountWan' } });
    expect(option.series[1].data[1]).toMatchObject({ value: 2, drill: { kind: 'industry', industryCode: 'NE', indicator: 'arrivedFundsWan' } });
  });

  it('draws the origins that count as the ring, whose sum is the centre, with amounts in the legend; the others beside it', () => {
    expect(originLegendName('IN_CITY_OTHER_COUNTY', false)).toBe('市内县际');
    expect(originLegendName('LOCAL', true)).toBe('本地（不计入）');
    const total = values({ arrivedFundsWan: '30000.00', arrivedByOrigin: { FOREIGN: '10000.00', OUT_OF_REGION: '20000.00', IN_REGION_OUT_OF_CITY: '0.00', IN_CITY_OTHER_COUNTY: '5000.00', LOCAL: '1000.00' } });
    const option = originOption(total, true, desktop) as Loose;
    const ring = option.baseOption.series[0].data;
    expect(ring.map((d: Loose) => [d.name, d.value])).toEqual([
      ['境外', 1],
      ['区外', 2],
      ['区内市外', 0],
    ]);
    expect(ring.reduce((sum: number, d: Loose) => sum + d.value, 0)).toBe(3);
    expect(option.baseOption.title.text).toBe('3.00');
    expect(ring[1].drill).toEqual({ kind: 'origin', origin: 'OUT_OF_REGION' });
    expect(option.baseOption.legend.formatter('区外')).toBe('区外  2.00 亿元');
    expect(uncountedOrigins(total, true)).toEqual([
      { origin: 'IN_CITY_OTHER_COUNTY', label: '市内县际', yi: '0.50' },
      { origin: 'LOCAL', label: '本地', yi: '0.10' },
    ]);
    // a district counts 县际 money: in its ring
    const district = originOption({ ...total, arrivedFundsWan: '35000.00' }, false, desktop) as Loose;
    expect(district.baseOption.series[0].data.map((d: Loose) => d.name)).toEqual(['境外', '区外', '区内市外', '市内县际']);
    expect(uncountedOrigins(total, false).map((u) => u.origin)).toEqual(['LOCAL']);
    // a narrow chart (a phone, a printed half page) has its legend under the donut
    expect(option.media[0]).toMatchObject({ query: { maxWidth: 400 }, option: { legend: { top: 'bottom' } } });
  });

  it('stacks red and yellow warnings per district, most red on top, and drills to the level', () => {
    const option = warningOption(
      [
        { regionCode: '150523', regionName: '开鲁县', RED: 1, YELLOW: 4 },
        { regionCode: '150525', regionName: '奈曼旗', RED: 3, YELLOW: 0 },
        { regionCode: '150524', regionName: '库伦旗', RED: 0, YELLOW: 0 },
      ],
      desktop,
    ) as Loose;
    expect(option.yAxis.data).toEqual(['开鲁县', '奈曼旗']);
    expect(option.series.map((s: Loose) => s.name)).toEqual(['红色预警', '黄色预警']);
    expect(option.series[0].data[1]).toMatchObject({ value: 3, drill: { kind: 'warning', regionCode: '150525', level: 'RED' } });
    expect(option.series[1].data[0].drill).toEqual({ kind: 'warning', regionCode: '150523', level: 'YELLOW' });
  });
});

describe('printing', () => {
  it('draws an option at once, media queries and all', () => {
    expect(withoutAnimation({ series: [] })).toEqual({ series: [], animation: false });
    expect(withoutAnimation({ baseOption: { series: [] }, media: [{ query: { maxWidth: 400 }, option: {} }] })).toEqual({
      baseOption: { series: [], animation: false },
      media: [{ query: { maxWidth: 400 }, option: {} }],
    });
  });
});
