import { CITY_TOTAL_NOTE, compareWan, type DrillIndicator, type IndicatorResponse, type IndicatorValues, subtractWan, wanToYi } from '@zhaoshang/shared/domain';
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

/** `-5200` 万元 → `-0.52`, `+0.52` with its sign (a change, not a level). */
export function formatYiChange(wan: string): string {
  const text = formatYi(wan);
  return compareWan(wan, '0') > 0 ? `+${text}` : text;
}

/**
 * 增长贡献率 (Δ到位资金 ÷ Δ固投) reads like success whenever both changes have the same sign: two
 * falls give a positive rate. The card shows both changes, and says so when both fell, or when
 * arrivals grew while FAI fell (a negative rate that is good news).
 */
export function growthMeaning(total: Pick<IndicatorValues, 'arrivedFundsWan' | 'faiTotalWan' | 'lastYear'>): { arrivedChange: string; faiChange: string; warning: string | null } {
  const arrivedChange = subtractWan(total.arrivedFundsWan, total.lastYear.arrivedFundsWan);
  const faiChange = subtractWan(total.faiTotalWan, total.lastYear.faiTotalWan);
  const arrivedFell = compareWan(arrivedChange, '0') < 0;
  const faiFell = compareWan(faiChange, '0') < 0;
  let warning: string | null = null;
  if (arrivedFell && faiFell) warning = '到位资金与固投同比双降：贡献率为正，不表示增长';
  else if (!arrivedFell && compareWan(arrivedChange, '0') > 0 && faiFell) warning = '固投同比下降而到位资金增长：贡献率为负';
  return { arrivedChange, faiChange, warning };
}

/** 时间进度: the share of the year the period's last month closes (October → 10/12). */
export function timeProgress(to: string): number {
  return Number(to.slice(5, 7)) / 12;
}

/** The cards at the top of the page, from the scope's total; `to` is the period's last month (时间进度). */
export function buildKpis(total: IndicatorValues & { note?: string | null }, isCity: boolean, to?: string): Kpi[] {
  const growth = growthMeaning(total);
  const completion = total.targetCompletion.arrivedFundsWan ?? null;
  const progress = to ? timeProgress(to) : null;
  const gap = completion !== null && progress !== null ? Math.round((completion - progress) * 1000) / 10 : null;
  return [
    {
      key: 'signed',
      label: '签约项目',
      value: formatCount(total.signedCount),
      unit: '个',
      yoy: yoyOf(total.yoy.signedCount),
      lines: [{ label: '其中千万元以上', value: formatCount(total.signedCount10m), unit: '个', yoy: yoyOf(total.yoy.signedCount10m) }],
      note: null,
      clickable: true,
    },
    {
      key: 'signedAmount',
      label: '签约额',
      value: formatYi(total.signedAmountWan),
      unit: '亿元',
      yoy: yoyOf(total.yoy.signedAmountWan),
      lines: [{ label: '上年同期', value: formatYi(total.lastYear.signedAmountWan), unit: '亿元' }],
      note: null,
      clickable: true,
    },
    {
      key: 'started',
      label: '开工项目',
      value: formatCount(total.startedCount),
      unit: '个',
      yoy: yoyOf(total.yoy.startedCount),
      lines: [{ label: '开工率', value: formatRate(total.startRate), unit: '' }],
      note: null,
      clickable: true,
    },
    {
      key: 'arrived',
      label: '到位资金',
      value: formatYi(total.arrivedFundsWan),
      unit: '亿元',
      yoy: yoyOf(total.yoy.arrivedFundsWan),
      lines: [{ label: '占固投比重', value: formatRate(total.fundsToFaiRatio), unit: '' }],
      note: isCity ? (total.note ?? CITY_TOTAL_NOTE) : null,
      clickable: true,
    },
    {
      // 实际利用外资 is reported on its own (DOMAIN.md §6), with its own 同比
      key: 'foreign',
      label: '实际利用外资',
      value: formatYi(total.foreignCapitalWan),
      unit: '亿元',
      yoy: yoyOf(total.yoy.foreignCapitalWan),
      lines: [{ label: '境外（含港澳台）项目到位资金', value: '', unit: '' }],
      note: null,
      clickable: true,
    },
    {
      key: 'target',
      label: '到位资金目标完成率',
      value: formatRate(completion),
      unit: '',
      yoy: null,
      lines:
        completion === null || progress === null
          ? [{ label: '尚未下达年度目标任务', value: '', unit: '' }]
          : [
              { label: '时间进度', value: formatRate(progress), unit: '' },
              { label: gap !== null && gap >= 0 ? '快于时间进度' : '慢于时间进度', value: `${Math.abs(gap ?? 0).toFixed(1)}`, unit: '个百分点' },
            ],
      note: null,
      warning: gap !== null && gap < 0 ? '完成率落后于时间进度' : null,
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
      lines: [
        { label: '拉动', value: formatPoints(total.pull), unit: '个百分点' },
        { label: '到位资金同比增减', value: formatYiChange(growth.arrivedChange), unit: '亿元' },
        { label: '固投同比增减', value: formatYiChange(growth.faiChange), unit: '亿元' },
      ],
      note: null,
      warning: growth.warning,
    },
  ];
}

/** The indicator a card drills down to (the drill-down page), if it has one. */
export const KPI_DRILLS: Partial<Record<Kpi['key'], DrillIndicator>> = {
  signed: 'signedCount',
  signedAmount: 'signedAmountWan',
  started: 'startedCount',
  arrived: 'arrivedFundsWan',
  foreign: 'foreignCapitalWan',
};

/** Whether a response has anything to draw (a period before any report reads as empty, not as zeros). */
export function hasFigures(response: Pick<IndicatorResponse, 'rows' | 'total'>): boolean {
  const t = response.total;
  return t.signedCount > 0 || t.startedCount > 0 || Number(t.arrivedFundsWan) !== 0 || Object.values(t.arrivedByOrigin).some((v) => Number(v) !== 0) || t.keyProjects.count > 0;
}
