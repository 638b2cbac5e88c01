import {
  type RegionDto,
  TARGET_INDICATORS,
  type TargetDto,
  type TargetIndicator,
  type TargetItemInput,
  type TargetProgressEntry,
  canonicalTargetValue,
  isCountIndicator,
  shanghaiToday,
  targetValueProblem,
} from '@zhaoshang/shared/domain';
import { formatWan, stripGrouping } from '@zhaoshang/web/shared/util';

export interface TargetCellView {
  indicator: TargetIndicator;
  /** what the input shows: the typed text, or the saved value */
  value: string;
  saved: string | null;
  changed: boolean;
  error: string | null;
}

export interface TargetRowView {
  regionCode: string;
  regionName: string;
  regionShortName: string;
  isCity: boolean;
  cells: TargetCellView[];
}

export interface TargetProblem {
  regionName: string;
  indicator: TargetIndicator;
  message: string;
}

const key = (regionCode: string, indicator: TargetIndicator) => `${regionCode}|${indicator}`;

/**
 * The targets of one year: rows are the city and the districts, columns the four targeted
 * indicators. Immutable: an edit returns a new grid, so a signal can hold it.
 */
export class TargetsGrid {
  readonly rows: TargetRowView[];
  readonly problems: TargetProblem[];
  readonly changes: TargetItemInput[];
  private readonly saved: Map<string, TargetDto>;

  constructor(
    readonly year: number,
    private readonly regions: readonly RegionDto[],
    targets: readonly TargetDto[],
    private readonly edits: ReadonlyMap<string, string> = new Map(),
  ) {
    this.saved = new Map(targets.filter((t) => t.year === year).map((t) => [key(t.regionCode, t.indicator), t]));
    this.rows = this.orderedRegions().map((region) => ({
      regionCode: region.code,
      regionName: region.name,
      regionShortName: region.shortName,
      isCity: region.parentCode === null,
      cells: TARGET_INDICATORS.map((indicator) => this.cell(region.code, indicator)),
    }));
    this.problems = this.rows.flatMap((row) => row.cells.filter((c) => c.error).map((c) => ({ regionName: row.regionName, indicator: c.indicator, message: c.error as string })));
    this.changes = this.rows.flatMap((row) =>
      row.cells
        .filter((c) => c.changed && !c.error)
        .map((c) => ({ regionCode: row.regionCode, indicator: c.indicator, value: stripGrouping(c.value) || null, version: this.saved.get(key(row.regionCode, c.indicator))?.version ?? 0 })),
    );
  }

  get hasChanges(): boolean {
    return this.rows.some((row) => row.cells.some((c) => c.changed));
  }

  get valid(): boolean {
    return this.problems.length === 0;
  }

  withEdit(regionCode: string, indicator: TargetIndicator, text: string): TargetsGrid {
    const edits = new Map(this.edits);
    edits.set(key(regionCode, indicator), text);
    return new TargetsGrid(this.year, this.regions, [...this.saved.values()], edits);
  }

  discard(): TargetsGrid {
    return new TargetsGrid(this.year, this.regions, [...this.saved.values()]);
  }

  private orderedRegions(): RegionDto[] {
    const city = this.regions.filter((r) => r.parentCode === null);
    const districts = this.regions.filter((r) => r.parentCode !== null).sort((a, b) => a.sortOrder - b.sortOrder);
    return [...city, ...districts];
  }

  private cell(regionCode: string, indicator: TargetIndicator): TargetCellView {
    const saved = this.saved.get(key(regionCode, indicator))?.value ?? null;
    const typed = this.edits.get(key(regionCode, indicator));
    if (typed === undefined) return { indicator, value: saved ?? '', saved, changed: false, error: null };
    const text = stripGrouping(typed);
    const error = text === '' ? null : targetValueProblem(indicator, text);
    // 12000 typed over a saved 12000.00 is no change
    const same = text === '' ? saved === null : !error && saved !== null && canonicalTargetValue(indicator, text) === saved;
    return { indicator, value: typed, saved, changed: !same, error };
  }
}

/** The share of the year gone by the end of `month` (时间进度): June → 0.5; the month under way: by today. */
export function timeProgress(month: string, today: string = shanghaiToday()): number {
  // the month under way: the share of the year gone by today (5 December is 92.9%, not 100%)
  if (month === today.slice(0, 7)) {
    const year = Number(today.slice(0, 4));
    const start = Date.UTC(year, 0, 1);
    const day = (Date.UTC(year, Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10))) - start) / 86_400_000 + 1;
    const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
    return day / days;
  }
  return Number(month.slice(5, 7)) / 12;
}

export type ProgressTone = 'done' | 'onTrack' | 'behind' | 'none';

/** Met (≥ 100%), at or ahead of the time gone by, behind it, or without a completion. */
export function progressTone(entry: Pick<TargetProgressEntry, 'completion'>, month: string): ProgressTone {
  if (entry.completion === null) return 'none';
  if (entry.completion >= 1) return 'done';
  return entry.completion >= timeProgress(month) ? 'onTrack' : 'behind';
}

/** The bar's fill, capped at 100. */
export function progressPercent(entry: Pick<TargetProgressEntry, 'completion'>): number {
  return entry.completion === null ? 0 : Math.min(100, Math.round(entry.completion * 1000) / 10);
}

/** 万元 amounts with thousands separators, counts as they are, with the unit. */
export function formatTargetFigure(indicator: TargetIndicator, value: string | null): string {
  if (value === null) return '未设定';
  if (isCountIndicator(indicator)) return `${Number(value).toLocaleString('zh-CN')} 个`;
  return `${formatWan(value)} 万元`;
}
