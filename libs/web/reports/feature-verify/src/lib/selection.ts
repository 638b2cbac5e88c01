import type { MonthlyReportDto, ReportStatus } from '@zhaoshang/shared/domain';

type Selectable = Pick<MonthlyReportDto, 'id' | 'version' | 'status'>;

/** Only submitted reports wait for a verifier. */
export function isActionable(report: { status: ReportStatus }): boolean {
  return report.status === 'SUBMITTED';
}

/** The ids checked in the verification list; never a report that cannot be verified or returned. */
export class ReportSelection {
  private ids = new Set<string>();

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  toggle(report: Selectable, checked: boolean): void {
    if (checked && isActionable(report)) this.ids.add(report.id);
    else this.ids.delete(report.id);
  }

  /** The header checkbox: all actionable rows shown, or none of them. */
  toggleAll(shown: readonly Selectable[], checked: boolean): void {
    for (const report of shown) this.toggle(report, checked);
  }

  /** The header checkbox's state for the rows shown. */
  state(shown: readonly Selectable[]): { all: boolean; some: boolean } {
    const actionable = shown.filter(isActionable);
    const checked = actionable.filter((r) => this.ids.has(r.id)).length;
    return { all: actionable.length > 0 && checked === actionable.length, some: checked > 0 && checked < actionable.length };
  }

  /** After a reload: what is gone or no longer actionable is unchecked. */
  keepOnly(reports: readonly Selectable[]): void {
    const actionable = new Set(reports.filter(isActionable).map((r) => r.id));
    this.ids = new Set([...this.ids].filter((id) => actionable.has(id)));
  }

  /** The checked reports with the versions the verifier saw, for /verify and /return. */
  items(reports: readonly Selectable[]): { id: string; version: number }[] {
    return reports.filter((r) => this.ids.has(r.id) && isActionable(r)).map((r) => ({ id: r.id, version: r.version }));
  }

  clear(): void {
    this.ids.clear();
  }
}
