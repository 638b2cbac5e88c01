import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { shanghaiToday } from '@zhaoshang/shared/domain';
import { fromIsoMonth, toIsoMonth } from '@zhaoshang/web/shared/util';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';

/**
 * The month of a monthly report's page (填报, 核实): `2026年3月`, never empty, and no month after
 * this one (Asia/Shanghai, read at each check so that a page left open into a new month offers it).
 * Months go in and out as `YYYY-MM`.
 */
@Component({
  selector: 'zs-month-picker',
  imports: [FormsModule, NzDatePickerModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // contents: the picker sits in the page's filter row as if written there
  host: { style: 'display: contents' },
  template: `
    <nz-date-picker
      nzMode="month"
      [ngModel]="date()"
      (ngModelChange)="pick($event)"
      [nzDisabledDate]="afterThisMonth"
      [nzAllowClear]="false"
      nzFormat="yyyy年M月"
      aria-label="月份"
      [attr.data-testid]="testId()"
    />
  `,
})
export class MonthPicker {
  /** `YYYY-MM` */
  readonly month = input.required<string>();
  readonly testId = input.required<string>();
  /** the month chosen, `YYYY-MM` */
  readonly picked = output<string>();

  protected readonly date = computed(() => fromIsoMonth(this.month()));
  protected readonly afterThisMonth = (date: Date): boolean => toIsoMonth(date) > shanghaiToday().slice(0, 7);

  protected pick(date: Date | null): void {
    if (date) this.picked.emit(toIsoMonth(date));
  }
}
