import { CITY_TOTAL_NOTE, type IndicatorResponse, type IndicatorValues, wanToYi } from '@zhaoshang/shared/domain';
import type { Kpi, Yoy } from '@zhaoshang/web/dashboard/ui';
import { formatCount, formatRate, formatWan } from '@zhaoshang/web/shared/util';

/** Shown for a missing figure or a ratio without a denominator (DOMAIN.md §6). */
export const NONE = '—';

/** `123456.78` 万元 → `12.35` (亿元, two decimals, on the digits). */
export function formatYi(wan: string | null | undefined): string {
  if (wan === null || wan === undefined || wan.trim() === '') return NONE;
  return formatWan(wanToYi(wan));
}

/** 亿元 as a plain number for a chart's geometry (the labels use `formatYi`). */
export function yiNumber(wan: string | null | undefined): number {
  if (!wan) return 0;
  const n = Number(wanToYi(wan));
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : 0;
}

/** 拉动 is already in percentage points: 1.2345 → `1.2`. */
export function formatPoints(points: number | null | undefined): string {
  if (points === null || points === undefined || !Number.isFinite(points)) return NONE;
  return (Math.round(points * 10) / 10).toFixed(1);
}

/** 同比: red and an up arrow for growth, green and a down arrow for a fall (the Chinese convention). */
export function yoyOf(rate: number | null | undefined): Yoy {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return { text: NONE, trend: null };
  const rounded = Math.round(rate * 1000) / 10;
  if (rounded === 0) return { text: '0.0%', trend: 'flat' };
  return { text: `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}%`, trend: rounded > 0 ? 'up' : 'down' };
}

/** The six cards at the top of the page, from the scope's total. */
export function buildKpis(total: IndicatorValues & { note?: string | null }, isCity: boolean): Kpi[] {
  return [
    {
      key: 'signed',
      label: '签约项目',
      value: formatCount(total.signedCount),
      unit: '个',
      yoy: yoyOf(total.yoy.signedCount),
      lines: [{ label: '其中千万元以上', value: formatCount(total.signedCount10m), unit: '个', yoy: yoyOf(total.yoy.signedCount10m) }],
      note: null,
    },
    {
      key: 'signedAmount',
      label: '签约额',
      value: formatYi(total.signedAmountWan),
      unit: '亿元',
      yoy: yoyOf(total.yoy.signedAmountWan),
      lines: [{ label: '上年同期', value: formatYi(total.lastYear.signedAmountWan), unit: '亿元' }],
      note: null,
    },
    {
      key: 'started',
      label: '开工项目',
      value: formatCount(total.startedCount),
      unit: '个',
      yoy: yoyOf(total.yoy.startedCount),
      lines: [{ label: '开工率', value: formatRate(total.startRate), unit: '' }],
      note: null,
    },
    {
      key: 'arrived',
      label: '到位资金',
      value: formatYi(total.arrivedFundsWan),
      unit: '亿元',
      yoy: yoyOf(total.yoy.arrivedFundsWan),
      lines: [
        { label: '占固投比重', value: formatRate(total.fundsToFaiRatio), unit: '' },
        // 实际利用外资 is reported on its own line (DOMAIN.md §6), with its own 同比
        { label: '其中实际利用外资', value: formatYi(total.foreignCapitalWan), unit: '亿元', yoy: yoyOf(total.yoy.foreignCapitalWan) },
      ],
      note: isCity ? (total.note ?? CITY_TOTAL_NOTE) : null,
    },
    {
      key: 'arrivalRate',
      label: '资金到位率',
      value: formatRate(total.arrivalRate),
      unit: '',
      yoy: null,
      lines: [{ label: '本期签约项目到位资金 ÷ 签约额', value: '', unit: '' }],
      note: null,
    },
    {
      key: 'growth',
      label: '增长贡献率',
      value: formatRate(total.growthContribution),
      unit: '',
      yoy: null,
      lines: [{ label: '拉动', value: formatPoints(total.pull), unit: '个百分点' }],
      note: null,
    },
  ];
}

/** Whether a response has anything to draw (a period before any report reads as empty, not as zeros). */
export function hasFigures(response: Pick<IndicatorResponse, 'rows' | 'total'>): boolean {
  const t = response.total;
  return t.signedCount > 0 || t.startedCount > 0 || Number(t.arrivedFundsWan) !== 0 || Object.values(t.arrivedByOrigin).some((v) => Number(v) !== 0) || t.keyProjects.count > 0;
}
