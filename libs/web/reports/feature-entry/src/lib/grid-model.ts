import { type Signal, type WritableSignal, computed, signal } from '@angular/core';
import {
  type ApiErrorDetail,
  type MonthlyReportDto,
  type ReportCounts,
  type ReportDraftInput,
  type ReportFigures,
  type ReportGridResponse,
  type ReportGridRow,
  type ReportStatus,
  reportFigureProblems,
  sumWan,
} from '@zhaoshang/shared/domain';
import { GRID_COLUMNS, type GridColumn } from './grid-keys';

/** What the inputs of a row hold: the figures as typed (empty = nothing entered). */
export type RowValues = Record<GridColumn, string>;

const EMPTY: RowValues = { arrivedEquityWan: '', arrivedLoanWan: '', arrivedOtherWan: '', completedInvestmentWan: '', progress: '' };

/** Only DRAFT and RETURNED reports (and rows without one) can be saved. */
export function isEditableStatus(status: ReportStatus | null): boolean {
  return status === null || status === 'DRAFT' || status === 'RETURNED';
}

function valuesOf(report: ReportFigures | null): RowValues {
  if (!report) return { ...EMPTY };
  return {
    arrivedEquityWan: report.arrivedEquityWan ?? '',
    arrivedLoanWan: report.arrivedLoanWan ?? '',
    arrivedOtherWan: report.arrivedOtherWan ?? '',
    completedInvestmentWan: report.completedInvestmentWan ?? '',
    progress: report.progress ?? '',
  };
}

/**
 * One project's line of the grid. Its signals are read only by its own row of the table, so a
 * keystroke refreshes one row, not two hundred.
 */
export class GridRow {
  readonly projectId: string;
  readonly projectNo: string;
  readonly projectName: string;
  readonly lastMonth: ReportGridRow['lastMonth'];
  readonly yearToDate: ReportGridRow['yearToDate'];
  readonly report: WritableSignal<MonthlyReportDto | null>;
  readonly values: WritableSignal<RowValues>;
  /** what the API refused of the last save, by field, until the field is typed in again */
  readonly serverProblems = signal<Partial<Record<GridColumn, string>>>({});
  readonly status: Signal<ReportStatus | null>;
  readonly arrivedTotal: Signal<string>;
  /** field → message, from the shared rules and from the API */
  readonly problems: Signal<Partial<Record<GridColumn, string>>>;
  readonly hasProblems: Signal<boolean>;
  /** edits made (a counter), and how many of them the API has confirmed */
  edits = 0;
  savedEdits = 0;

  constructor(row: ReportGridRow) {
    this.projectId = row.projectId;
    this.projectNo = row.projectNo;
    this.projectName = row.projectName;
    this.lastMonth = row.lastMonth;
    this.yearToDate = row.yearToDate;
    this.report = signal(row.report);
    this.values = signal(valuesOf(row.report));
    this.status = computed(() => this.report()?.status ?? null);
    this.arrivedTotal = computed(() => {
      const v = this.values();
      const problems = this.problems();
      const invalid = problems.arrivedEquityWan || problems.arrivedLoanWan || problems.arrivedOtherWan;
      return invalid ? '—' : sumWan([v.arrivedEquityWan, v.arrivedLoanWan, v.arrivedOtherWan]);
    });
    this.problems = computed(() => {
      const found: Partial<Record<GridColumn, string>> = { ...this.serverProblems() };
      for (const problem of reportFigureProblems(this.values())) found[problem.field as GridColumn] = problem.message;
      return found;
    });
    this.hasProblems = computed(() => Object.keys(this.problems()).length > 0);
  }

  get dirty(): boolean {
    return this.edits > this.savedEdits;
  }
}

/** The rows of one save request and the edit count of each when it was sent. */
export interface SaveBatch {
  items: ReportDraftInput[];
  rows: GridRow[];
  edits: number[];
}

/**
 * The entry grid's rows and their unsaved edits. Plain TypeScript (signals only), so the rules of
 * what is saved when, and how the API's answer is merged, are tested without a browser.
 */
export class ReportGridModel {
  readonly regionCode: string;
  readonly month: string;
  readonly closed: boolean;
  readonly rows: GridRow[];
  private readonly byProject: Map<string, GridRow>;
  /** bumps whenever something the totals depend on changes (values or a report) */
  private readonly changes = signal(0);

  readonly counts: Signal<ReportCounts & { expected: number; entered: number }>;
  /** rows that 「提交全部」 would submit: drafts and returned ones, and rows typed into but not saved yet */
  readonly submittable: Signal<number>;
  readonly problemRows: Signal<number>;

  constructor(
    response: ReportGridResponse,
    /** whether this user may enter figures for this region at all */
    private readonly userMayEdit: boolean,
  ) {
    this.regionCode = response.regionCode;
    this.month = response.month;
    this.closed = response.monthState.closed;
    this.rows = response.rows.map((r) => new GridRow(r));
    this.byProject = new Map(this.rows.map((r) => [r.projectId, r]));
    this.counts = computed(() => {
      const counts = { DRAFT: 0, SUBMITTED: 0, VERIFIED: 0, RETURNED: 0, MISSING: 0, expected: this.rows.length, entered: 0 };
      for (const row of this.rows) {
        const status = row.status();
        if (status) {
          counts[status]++;
          counts.entered++;
        } else {
          counts.MISSING++;
        }
      }
      return counts;
    });
    this.submittable = computed(() => {
      this.changes();
      return this.rows.filter((r) => {
        const status = r.status();
        return status === 'DRAFT' || status === 'RETURNED' || (status === null && r.dirty);
      }).length;
    });
    this.problemRows = computed(() => this.rows.filter((r) => r.hasProblems()).length);
  }

  /** Whether the page lets anyone type into the grid at all. */
  get editable(): boolean {
    return this.userMayEdit && !this.closed;
  }

  isRowEditable(row: GridRow): boolean {
    return this.editable && isEditableStatus(row.status());
  }

  row(projectId: string): GridRow | undefined {
    return this.byProject.get(projectId);
  }

  edit(row: GridRow, field: GridColumn, value: string): void {
    if (!this.isRowEditable(row) || row.values()[field] === value) return;
    row.values.update((v) => ({ ...v, [field]: value }));
    if (row.serverProblems()[field]) row.serverProblems.update(({ [field]: _, ...rest }) => rest);
    row.edits++;
    this.changes.update((n) => n + 1);
  }

  /** Rows with edits the API has not confirmed. */
  dirtyRows(): GridRow[] {
    return this.rows.filter((r) => r.dirty);
  }

  /** Dirty rows that the API would refuse as they are (they wait for the user's correction). */
  blockedRows(): GridRow[] {
    return this.dirtyRows().filter((r) => r.hasProblems() || !this.isRowEditable(r));
  }

  /** The next save: every dirty row that is valid, with the version last seen. Null when there is none. */
  takeBatch(): SaveBatch | null {
    const rows = this.dirtyRows().filter((r) => !r.hasProblems() && this.isRowEditable(r));
    if (rows.length === 0) return null;
    return {
      rows,
      edits: rows.map((r) => r.edits),
      items: rows.map((r) => {
        const v = r.values();
        return {
          projectId: r.projectId,
          version: r.report()?.version ?? null,
          arrivedEquityWan: v.arrivedEquityWan,
          arrivedLoanWan: v.arrivedLoanWan,
          arrivedOtherWan: v.arrivedOtherWan,
          completedInvestmentWan: v.completedInvestmentWan,
          progress: v.progress === '' ? null : v.progress,
        };
      }),
    };
  }

  /**
   * The API saved a batch: take its versions and statuses; the edits sent are confirmed. What was
   * typed meanwhile stays in the inputs (never replaced by the older figures the API echoes) and
   * stays dirty for the next save.
   */
  saved(batch: SaveBatch, reports: readonly MonthlyReportDto[]): void {
    this.applyReports(reports);
    batch.rows.forEach((row, i) => (row.savedEdits = Math.max(row.savedEdits, batch.edits[i])));
    this.changes.update((n) => n + 1);
  }

  /** Reports changed by a submit (or another action): new status and version; inputs untouched. */
  applyReports(reports: readonly MonthlyReportDto[]): void {
    for (const report of reports) {
      const row = this.byProject.get(report.projectId);
      if (!row) continue;
      const isNewer = (row.report()?.version ?? -1) <= report.version;
      if (isNewer) row.report.set(report);
    }
    this.changes.update((n) => n + 1);
  }

  /**
   * A refused save's field errors (`items[3].arrivedEquityWan`, as the API names them) on the cells they are about.
   * Returns how many were placed.
   */
  placeServerProblems(batch: SaveBatch, details: readonly ApiErrorDetail[]): number {
    let placed = 0;
    for (const detail of details) {
      const match = /^items\[(\d+)\]\.(\w+)$/.exec(detail.field);
      const row = match ? batch.rows[Number(match[1])] : undefined;
      const field = match?.[2] as GridColumn | undefined;
      if (!row || !field || !(GRID_COLUMNS as readonly string[]).includes(field)) continue;
      row.serverProblems.update((p) => ({ ...p, [field]: detail.message }));
      placed++;
    }
    return placed;
  }
}

/** The grid's filters: everything, or one kind of work still to do. */
export type RowFilter = 'ALL' | 'MISSING' | 'DRAFT' | 'RETURNED';

export const ROW_FILTER_LABELS: Record<RowFilter, string> = { ALL: '全部', MISSING: '只看未填', DRAFT: '只看草稿', RETURNED: '只看退回' };

/** to-do before done: returned (someone waits for the correction), not entered, drafts; then submitted and verified */
const WORK_RANK: Record<ReportStatus | 'MISSING', number> = { RETURNED: 0, MISSING: 1, DRAFT: 2, SUBMITTED: 3, VERIFIED: 4 };

/**
 * The rows in the order they are worked on: what is still to do first, and within each group the
 * newest project first (project numbers are issued in sequence, so a project created today, the
 * one most likely still to be entered, is at the top, not row 51 of 51). Taken once when the grid
 * loads: a row typed into does not jump away while it is being filled.
 */
export function workOrder(rows: readonly GridRow[]): GridRow[] {
  const rank = (row: GridRow) => WORK_RANK[row.status() ?? 'MISSING'];
  return [...rows].sort((a, b) => rank(a) - rank(b) || b.projectNo.localeCompare(a.projectNo));
}

/** The rows a filter shows, as of now (the page keeps the answer until the filter changes again). */
export function filterRows(rows: readonly GridRow[], filter: RowFilter): GridRow[] {
  if (filter === 'ALL') return [...rows];
  return rows.filter((row) => (row.status() ?? 'MISSING') === filter);
}

/** A row never reported before: no report this month and none last month (a new project, most likely). */
export function isNewRow(row: GridRow): boolean {
  return row.report() === null && row.lastMonth === null;
}
