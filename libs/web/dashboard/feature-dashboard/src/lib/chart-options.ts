import { INVESTOR_ORIGINS, INVESTOR_ORIGIN_LABELS, type IndicatorRow, type IndicatorValues, type InvestorOrigin, type WarningRegionCount, originCounts } from '@zhaoshang/shared/domain';
import { formatRate } from '@zhaoshang/web/shared/util';
import type { EChartsCoreOption } from 'echarts/core';
import { NONE, formatYi, yiNumber } from './figures';

/**
 * ECharts options built from the API's figures: plain functions of plain data, so that what a chart
 * shows is tested without a canvas. Every data item carries what its click drills down to.
 */

export const FONT_FAMILY = "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

export const COLORS = {
  arrived: '#1677ff',
  fai: '#fa8c16',
  ratio: '#13c2c2',
  signed: '#91caff',
  selected: '#0958d9',
  other: '#69b1ff',
  red: '#f5222d',
  yellow: '#faad14',
  muted: '#bfbfbf',
} as const;

export interface ChartLayout {
  /** a phone: fewer words, smaller type, legends below */
  compact: boolean;
}

/** What a click on a chart's item leads to; read back from the clicked item's data. */
export type ChartDrill =
  | { kind: 'month'; month: string }
  | { kind: 'region'; regionCode: string }
  | { kind: 'industry'; industryCode: string; indicator: 'signedAmountWan' | 'arrivedFundsWan' }
  | { kind: 'origin'; origin: InvestorOrigin }
  | { kind: 'warning'; regionCode: string; level: 'RED' | 'YELLOW' };

interface DrillItem {
  value: number | string;
  drill: ChartDrill;
  [key: string]: unknown;
}

/** The drill a click event's item carries, if any. */
export function drillOf(event: { data?: unknown } | null | undefined): ChartDrill | null {
  const data = event?.data as Partial<DrillItem> | undefined;
  return data && typeof data === 'object' && data.drill ? data.drill : null;
}

const base = (layout: ChartLayout) => ({
  textStyle: { fontFamily: FONT_FAMILY, fontSize: layout.compact ? 11 : 12 },
  animationDuration: 400,
  animationDurationUpdate: 250,
});

function monthLabel(month: string, crossesYears: boolean): string {
  const m = Number(month.slice(5));
  return crossesYears ? `${month.slice(2, 4)}年${m}月` : `${m}月`;
}

/** 到位资金 by month (bars) against 全社会固定资产投资 (line), 占固投比重 on the right axis. */
export function trendOption(rows: readonly IndicatorRow[], layout: ChartLayout): EChartsCoreOption {
  const crossesYears = rows.length > 0 && rows[0].key.slice(0, 4) !== rows[rows.length - 1].key.slice(0, 4);
  const months = rows.map((r) => monthLabel(r.key, crossesYears));
  return {
    ...base(layout),
    // last year's line has its own colour (an explicit colour takes none of the palette's)
    color: [COLORS.arrived, COLORS.fai, COLORS.ratio],
    tooltip: { trigger: 'axis', confine: true, valueFormatter: undefined },
    legend: { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: layout.compact ? 11 : 12 } },
    grid: { left: 8, right: 8, top: layout.compact ? 56 : 40, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: months, axisTick: { alignWithLabel: true }, axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', name: '亿元', nameTextStyle: { align: 'left', padding: [0, 0, 0, -24] }, splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', name: '占比 %', nameTextStyle: { align: 'right', padding: [0, -24, 0, 0] }, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      {
        name: '到位资金',
        type: 'bar',
        barMaxWidth: 28,
        data: rows.map<DrillItem>((r) => ({ value: yiNumber(r.arrivedFundsWan), drill: { kind: 'month', month: r.key } })),
        tooltip: { valueFormatter: (v: unknown) => `${v} 亿元` },
      },
      {
        // the same month last year, so a dip is read against the season, not against the month before
        name: '上年同期到位资金',
        type: 'line',
        symbolSize: 4,
        itemStyle: { color: COLORS.muted },
        lineStyle: { color: COLORS.muted, width: 1.5 },
        data: rows.map((r) => yiNumber(r.lastYear.arrivedFundsWan)),
        tooltip: { valueFormatter: (v: unknown) => `${v} 亿元` },
      },
      {
        name: '固定资产投资',
        type: 'line',
        symbolSize: 6,
        // a month the statistics system supplied no FAI for sums to 0: a gap in the line, not a fall to zero
        data: rows.map((r) => (Number(r.faiTotalWan) === 0 ? '-' : yiNumber(r.faiTotalWan))),
        tooltip: { valueFormatter: (v: unknown) => (v === '-' || v === undefined ? NONE : `${v} 亿元`) },
      },
      {
        name: '到位资金占固投比重',
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 6,
        lineStyle: { type: 'dashed' },
        data: rows.map((r) => (r.fundsToFaiRatio === null ? '-' : Math.round(r.fundsToFaiRatio * 1000) / 10)),
        tooltip: { valueFormatter: (v: unknown) => (v === '-' || v === undefined ? NONE : `${Number(v).toFixed(1)}%`) },
      },
    ],
  };
}

export type DistrictMode = 'arrived' | 'completion';

export interface DistrictBar {
  code: string;
  name: string;
  value: number;
  label: string;
}

/** The districts, largest first: by arrived funds (亿元), or by completion of the arrived-funds target. */
export function districtBars(rows: readonly IndicatorRow[], mode: DistrictMode, names: (code: string, label: string) => string = (_, l) => l): DistrictBar[] {
  return rows
    .map((r) => {
      if (mode === 'arrived') return { code: r.key, name: names(r.key, r.label), value: yiNumber(r.arrivedFundsWan), label: formatYi(r.arrivedFundsWan) };
      const completion = r.targetCompletion.arrivedFundsWan ?? null;
      return { code: r.key, name: names(r.key, r.label), value: completion === null ? 0 : Math.round(completion * 1000) / 10, label: completion === null ? '未设目标' : formatRate(completion) };
    })
    .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
}

export function districtOption(bars: readonly DistrictBar[], mode: DistrictMode, selected: string | null, layout: ChartLayout): EChartsCoreOption {
  // a horizontal category axis runs bottom-up: reverse so the largest is on top
  const ordered = [...bars].reverse();
  return {
    ...base(layout),
    tooltip: { trigger: 'item', confine: true, formatter: (p: { name: string; data: { label: string } }) => `${p.name}<br/>${mode === 'arrived' ? '到位资金' : '到位资金目标完成率'}：${p.data.label}${mode === 'arrived' ? ' 亿元' : ''}` },
    grid: { left: 4, right: layout.compact ? 56 : 72, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: mode === 'arrived' ? '{value}' : '{value}%', hideOverlap: true }, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: ordered.map((b) => b.name), axisTick: { show: false }, axisLabel: { fontSize: layout.compact ? 11 : 12 } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        data: ordered.map<DrillItem>((b) => ({
          value: b.value,
          label: b.label,
          drill: { kind: 'region', regionCode: b.code },
          itemStyle: { color: b.code === selected ? COLORS.selected : mode === 'arrived' ? COLORS.arrived : COLORS.ratio, borderRadius: [0, 3, 3, 0] },
        })),
        label: { show: true, position: 'right', formatter: (p: { data: { label: string } }) => p.data.label, color: 'rgba(0,0,0,0.65)' },
      },
    ],
  };
}

/** 新能源（风电、光伏、储能、氢能） → 新能源: the part in brackets does not fit a chart's axis. */
export function shortIndustryName(name: string): string {
  return name.replace(/[（(].*[)）]\s*$/, '').trim() || name;
}

/** 签约额 and 到位资金 by industry (亿元), the largest signed amount on top; industries without either are left out. */
export function industryOption(rows: readonly IndicatorRow[], layout: ChartLayout): EChartsCoreOption {
  const ordered = rows
    .filter((r) => Number(r.signedAmountWan) !== 0 || Number(r.arrivedFundsWan) !== 0)
    .sort((a, b) => yiNumber(a.signedAmountWan) - yiNumber(b.signedAmountWan) || yiNumber(a.arrivedFundsWan) - yiNumber(b.arrivedFundsWan));
  const item = (r: IndicatorRow, indicator: 'signedAmountWan' | 'arrivedFundsWan'): DrillItem => ({ value: yiNumber(r[indicator]), drill: { kind: 'industry', industryCode: r.key, indicator } });
  return {
    ...base(layout),
    color: [COLORS.signed, COLORS.arrived],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, valueFormatter: (v: unknown) => `${v} 亿元` },
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 4, right: 40, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '亿元', nameTextStyle: { padding: [0, 0, 0, -8] }, axisLabel: { hideOverlap: true }, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: ordered.map((r) => shortIndustryName(r.label)), axisTick: { show: false }, axisLabel: { width: layout.compact ? 88 : 170, overflow: 'break', lineHeight: 14 } },
    series: [
      { name: '签约额', type: 'bar', barMaxWidth: 14, data: ordered.map((r) => item(r, 'signedAmountWan')), itemStyle: { borderRadius: [0, 3, 3, 0] } },
      { name: '到位资金', type: 'bar', barMaxWidth: 14, data: ordered.map((r) => item(r, 'arrivedFundsWan')), itemStyle: { borderRadius: [0, 3, 3, 0] } },
    ],
  };
}

const ORIGIN_COLORS: Record<InvestorOrigin, string> = {
  FOREIGN: '#722ed1',
  OUT_OF_REGION: '#1677ff',
  IN_REGION_OUT_OF_CITY: '#13c2c2',
  IN_CITY_OTHER_COUNTY: '#95de64',
  LOCAL: '#d9d9d9',
};

/** The legend's words: the origins that do not count at this scope say so. */
export function originLegendName(origin: InvestorOrigin, isCity: boolean): string {
  const label = INVESTOR_ORIGIN_LABELS[origin];
  if (originCounts(origin, isCity ? 'CITY' : 'DISTRICT')) return label;
  return origin === 'LOCAL' ? `${label}（不计入）` : `${label}（全市不计入）`;
}

/**
 * The origins that count at the scope as a donut, so that its centre (到位资金) is the sum of its ring;
 * the legend gives each slice's amount. The origins not counted (本地, and 市内县际 at the city) are
 * listed under the chart with their amounts (`uncountedOrigins`), not drawn in the ring.
 * The legend sits beside the donut where the chart is wide, and under it where it is narrow (a phone, a
 * printed half page): ECharts' own media queries, so the same option fits every width it is drawn at.
 */
export function originOption(total: Pick<IndicatorValues, 'arrivedByOrigin' | 'arrivedFundsWan'>, isCity: boolean, layout: ChartLayout): EChartsCoreOption {
  const counted = INVESTOR_ORIGINS.filter((origin) => originCounts(origin, isCity ? 'CITY' : 'DISTRICT'));
  const data = counted.map<DrillItem>((origin) => ({
    name: INVESTOR_ORIGIN_LABELS[origin],
    value: yiNumber(total.arrivedByOrigin[origin]),
    wan: total.arrivedByOrigin[origin],
    drill: { kind: 'origin', origin },
    itemStyle: { color: ORIGIN_COLORS[origin] },
  }));
  const amounts = new Map(data.map((d) => [d['name'] as string, formatYi(d['wan'] as string)]));
  const wide = {
    legend: { orient: 'vertical', left: '58%', top: 'middle', itemGap: 12 },
    title: { left: '28%', top: '41%' },
    series: [{ radius: ['45%', '70%'], center: ['28%', '50%'] }],
  };
  const narrow = {
    legend: { orient: 'horizontal', left: 'center', top: 'bottom', itemGap: 8 },
    title: { left: '50%', top: '34%' },
    series: [{ radius: ['40%', '60%'], center: ['50%', '43%'] }],
  };
  return {
    baseOption: {
      ...base(layout),
      tooltip: { trigger: 'item', confine: true, formatter: (p: { name: string; percent: number; data: { wan: string } }) => `${p.name}<br/>${formatYi(p.data.wan)} 亿元（${p.percent.toFixed(1)}%）` },
      legend: {
        ...wide.legend,
        itemWidth: 12,
        itemHeight: 10,
        textStyle: { fontSize: layout.compact ? 11 : 12 },
        formatter: (name: string) => `${name}  ${amounts.get(name) ?? NONE} 亿元`,
      },
      title: {
        ...wide.title,
        text: formatYi(total.arrivedFundsWan),
        subtext: '到位资金(亿元)',
        textAlign: 'center',
        itemGap: 4,
        textStyle: { fontSize: layout.compact ? 16 : 18, fontWeight: 600, fontFamily: FONT_FAMILY },
        subtextStyle: { fontSize: 11, color: 'rgba(0,0,0,0.45)', fontFamily: FONT_FAMILY },
      },
      series: [{ ...wide.series[0], type: 'pie', avoidLabelOverlap: true, label: { show: false }, labelLine: { show: false }, data }],
    },
    media: [{ query: { maxWidth: 400 }, option: narrow }],
  };
}

/** The origins the scope does not count, with their money: told beside the donut, not drawn in it. */
export function uncountedOrigins(total: Pick<IndicatorValues, 'arrivedByOrigin'>, isCity: boolean): { origin: InvestorOrigin; label: string; yi: string }[] {
  return INVESTOR_ORIGINS.filter((origin) => !originCounts(origin, isCity ? 'CITY' : 'DISTRICT')).map((origin) => ({
    origin,
    label: INVESTOR_ORIGIN_LABELS[origin],
    yi: formatYi(total.arrivedByOrigin[origin]),
  }));
}

/** Red and yellow warnings per district, stacked, the most red on top; districts with none left out. */
export function warningOption(
  counts: readonly WarningRegionCount[],
  layout: ChartLayout,
  names: (code: string, label: string) => string = (_, l) => l,
  selected: string | null = null,
): EChartsCoreOption {
  const ordered = counts.filter((c) => c.RED + c.YELLOW > 0).sort((a, b) => a.RED - b.RED || a.YELLOW - b.YELLOW || b.regionCode.localeCompare(a.regionCode));
  const series = (level: 'RED' | 'YELLOW') => ({
    name: level === 'RED' ? '红色预警' : '黄色预警',
    type: 'bar',
    stack: 'warnings',
    barMaxWidth: 18,
    label: { show: true, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''), color: level === 'RED' ? '#fff' : 'rgba(0,0,0,0.75)' },
    // a district picked above: its bars stand out, the others fade (they stay, for comparison)
    data: ordered.map<DrillItem>((c) => ({ value: c[level], drill: { kind: 'warning', regionCode: c.regionCode, level }, itemStyle: { opacity: selected === null || selected === c.regionCode ? 1 : 0.3 } })),
  });
  return {
    ...base(layout),
    color: [COLORS.red, COLORS.yellow],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 4, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: ordered.map((c) => names(c.regionCode, c.regionName)), axisTick: { show: false } },
    series: [series('RED'), series('YELLOW')],
  };
}

/** The chart's height follows its number of bars, so labels never crowd. */
export function barChartHeight(bars: number, layout: ChartLayout, min = 220): number {
  return Math.max(min, bars * (layout.compact ? 30 : 32) + 56);
}
