import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ImportRowError } from '@zhaoshang/shared/domain';
import { injectIsPhone } from '@zhaoshang/web/shared/ui';
import { NzTableModule, type NzTableSortFn } from 'ng-zorro-antd/table';

/** The rows of a file with a problem: 工作表, 行, 列, 说明; paged, sortable by row. */
@Component({
  selector: 'zs-row-error-table',
  imports: [NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table
      #table
      [nzData]="sorted()"
      [nzPageSize]="10"
      [nzShowSizeChanger]="sorted().length > 10"
      [nzPageSizeOptions]="[10, 20, 50, 100]"
      [nzHideOnSinglePage]="true"
      [nzShowTotal]="totalTemplate"
      [nzTitle]="caption()"
      nzSize="small"
      nzBordered
      [attr.data-testid]="testId()"
    >
      <thead>
        <tr>
          @if (!isPhone()) {
            <th nzWidth="110px">工作表</th>
          }
          <th [nzWidth]="isPhone() ? '64px' : '72px'" [nzSortFn]="byRow" nzSortOrder="ascend" [nzSortDirections]="['ascend', 'descend']">行</th>
          <th [nzWidth]="isPhone() ? '92px' : '150px'">列</th>
          <th>{{ messageHeading() }}</th>
        </tr>
      </thead>
      <tbody>
        @for (row of table.data; track $index) {
          <tr [attr.data-testid]="testId() + '-row'">
            @if (!isPhone()) {
              <td>{{ row.sheet }}</td>
            }
            <td class="num">
              {{ row.row }}
              @if (isPhone()) {
                <div class="sheet">{{ row.sheet }}</div>
              }
            </td>
            <td>{{ row.column || '—' }}</td>
            <td class="message">{{ row.message }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #totalTemplate let-range="range" let-total>第 {{ range[0] }}–{{ range[1] }} 处，共 {{ total }} 处</ng-template>
  `,
  styles: `
    :host {
      display: block;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
    .sheet {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .message {
      word-break: break-word;
    }
  `,
})
export class RowErrorTable {
  readonly rows = input.required<readonly ImportRowError[]>();
  readonly caption = input.required<string>();
  readonly messageHeading = input('错误说明');
  readonly testId = input('import-errors');
  /** phones: the sheet goes under the row number, and nothing scrolls sideways */
  protected readonly isPhone = injectIsPhone();

  /** in the order of the file, whatever order the server found them in */
  protected readonly sorted = computed(() => [...this.rows()].sort(compareRows));
  protected readonly byRow: NzTableSortFn<ImportRowError> = compareRows;
}

function compareRows(a: ImportRowError, b: ImportRowError): number {
  return a.sheet === b.sheet ? a.row - b.row : a.sheet.localeCompare(b.sheet);
}
