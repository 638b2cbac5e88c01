import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { addMonths, monthOf, shanghaiToday } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { ImportsApi } from '@zhaoshang/web/imports/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { apiErrorMessage, downloadAction, fromIsoMonth, toIsoMonth } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';

/** This year's January to last month; in January, all of last year. */
export function defaultExportRange(today: string = shanghaiToday()): [string, string] {
  const last = addMonths(monthOf(today), -1);
  return [`${last.slice(0, 4)}-01`, last];
}

/** 导出月报: the monthly figures of a month range and a region (district staff: their own) as .xlsx. */
@Component({
  selector: 'zs-monthly-export-card',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzDatePickerModule, NzIconModule, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzTitle="导出月报" nzSize="small" data-testid="monthly-export">
      <p class="hint">按月份范围和地区导出项目月报（含核实状态），可修改后再导入。</p>
      <label class="label" for="export-range">月份范围</label>
      <nz-range-picker
        id="export-range"
        class="control"
        nzMode="month"
        nzFormat="yyyy-MM"
        [ngModel]="range()"
        (ngModelChange)="pickRange($event)"
        [nzAllowClear]="false"
        [nzPlaceHolder]="['起始月份', '截止月份']"
        [nzDisabledDate]="isFuture"
        data-testid="monthly-export-range"
      />
      <label class="label" for="export-region">地区</label>
      <nz-select
        nzId="export-region"
        class="control"
        [ngModel]="regionCode()"
        (ngModelChange)="regionCode.set($event)"
        [nzDisabled]="ownRegion() !== null"
        data-testid="monthly-export-region"
      >
        @if (ownRegion() === null) {
          <nz-option nzValue="" nzLabel="全市（全部旗县市区）" />
        }
        @for (region of regions.districts(); track region.code) {
          <nz-option [nzValue]="region.code" [nzLabel]="region.name" />
        }
      </nz-select>
      @if (error(); as message) {
        <nz-alert class="alert" nzType="error" nzShowIcon [nzMessage]="message" />
      }
      <button nz-button nzType="primary" nzBlock type="button" [nzLoading]="exporting.busy()" [disabled]="!valid()" (click)="export()" data-testid="monthly-export-submit">
        <nz-icon nzType="download" />导出月报（.xlsx）
      </button>
    </nz-card>
  `,
  styles: `
    .hint {
      margin-bottom: 12px;
      color: rgba(0, 0, 0, 0.55);
    }
    .label {
      display: block;
      margin-bottom: 4px;
      color: rgba(0, 0, 0, 0.75);
    }
    .control {
      width: 100%;
      margin-bottom: 12px;
    }
    .alert {
      margin-bottom: 12px;
    }
  `,
})
export class MonthlyExportCard {
  private readonly api = inject(ImportsApi);
  private readonly messages = inject(NzMessageService);
  private readonly user = inject(AuthService).currentUser;
  protected readonly regions = inject(RegionsStore);

  /** district staff export their own region only */
  protected readonly ownRegion = computed(() => (this.user()?.role === 'DISTRICT_STAFF' ? (this.user()?.regionCode ?? null) : null));
  protected readonly range = signal<Date[]>(defaultExportRange().map((m) => fromIsoMonth(m) as Date));
  protected readonly regionCode = signal(this.ownRegion() ?? '');
  protected readonly exporting = downloadAction();
  protected readonly error = signal<string | null>(null);
  protected readonly valid = computed(() => this.range().length === 2);
  private readonly thisMonth = monthOf(shanghaiToday());
  protected readonly isFuture = (date: Date) => toIsoMonth(date) > this.thisMonth;

  constructor() {
    this.regions.ensureLoaded();
  }

  protected pickRange(range: Date[] | null): void {
    this.range.set(range ?? []);
  }

  protected export(): void {
    const [from, to] = this.range();
    if (!from || !to || this.exporting.busy()) return;
    this.error.set(null);
    this.exporting.run(this.api.exportMonthly({ from: toIsoMonth(from), to: toIsoMonth(to), regionCode: this.ownRegion() ?? (this.regionCode() || null) }), { saved: (fileName) => this.messages.success(`已导出 ${fileName}`), error: (error) => this.error.set(apiErrorMessage(error)) });
  }
}
