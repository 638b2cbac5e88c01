import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { can, canEditRegion, monthLabel, RECONCILIATION_LIST_LABELS, RECONCILIATION_LISTS, type ReconciliationList, type ReconciliationRow } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { FormDialog, MonthPicker, PageHeader, WanPipe, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { apiErrorCode, apiErrorMessage, formatCount, formatMoney, formatRate, saveAction } from '@zhaoshang/web/shared/util';
import { StatsApi } from '@zhaoshang/web/stats/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { initialList, initialMonth, initialRegion, LIST_HINTS, matchedByLabel, monthText } from './reconciliation-view';

/**
 * 统计对账 (DOMAIN.md §10): the statistics bureau's list of registered projects for a month and a
 * region against ours — five lists with their counts, the completed-investment differences, and
 * taking their 入库 month into our project (one audited project change, a correction when it
 * touches a closed month). Month, region and list live in the URL, so a link shows the same view.
 */
@Component({
  selector: 'zs-reconciliation-page',
  imports: [FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzInputModule, NzSelectModule, NzSpinModule, NzTableModule, NzTagModule, FormDialog, MonthPicker, PageHeader, WanPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reconciliation-page.html',
  styleUrl: './reconciliation-page.less',
})
export class ReconciliationPage {
  private readonly api = inject(StatsApi);
  private readonly router = inject(Router);
  private readonly messages = inject(NzMessageService);
  private readonly query = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  protected readonly regions = inject(RegionsStore);
  protected readonly user = inject(AuthService).currentUser;
  protected readonly isPhone = injectIsPhone();

  protected readonly month = computed(() => initialMonth(this.query().get('month')));
  protected readonly region = computed(() =>
    initialRegion(
      this.query().get('region'),
      this.regions.regions().map((r) => r.code),
      this.user()?.role === 'DISTRICT_STAFF' ? (this.user()?.regionCode ?? null) : null,
      this.regions.city()?.code ?? null,
    ),
  );
  protected readonly list = computed(() => initialList(this.query().get('list')));

  protected readonly result = rxResource({
    params: () => {
      const region = this.region();
      return region ? { month: this.month(), region } : undefined;
    },
    stream: ({ params }) => this.api.reconciliation(params.month, params.region),
  });
  protected readonly error = computed(() => (this.result.error() ? apiErrorMessage(this.result.error()) : null));
  protected readonly rows = computed(() => this.result.value()?.lists[this.list()] ?? []);

  protected readonly lists = RECONCILIATION_LISTS;
  protected readonly listLabels = RECONCILIATION_LIST_LABELS;
  protected readonly hints = LIST_HINTS;
  protected readonly label = monthLabel;
  protected readonly monthText = monthText;
  protected readonly matchedBy = matchedByLabel;
  protected readonly count = formatCount;
  protected readonly money = formatMoney;
  protected readonly tolerance = formatRate;

  /** the row whose 入库 month is being taken over (the dialog is open while it is set) */
  protected readonly accepting = signal<ReconciliationRow | null>(null);
  protected readonly reason = signal('');
  protected readonly acceptAction = saveAction({ conflictMessage: '项目已被他人修改：请重新加载对账结果后再操作' });
  protected readonly mayCorrect = computed(() => can(this.user()?.role, 'projects:correct'));

  constructor() {
    this.regions.ensureLoaded();
  }

  /** Where the 采用 button shows: a pair whose 入库 month we would change, in a region the user may edit. */
  protected mayAccept(row: ReconciliationRow): boolean {
    const user = this.user();
    return row.projectId !== null && row.statsNationalCode !== null && row.registeredMonthDiffers && !!user && can(user.role, 'projects:edit') && canEditRegion(user, row.regionCode);
  }

  protected pickMonth(month: string): void {
    this.show({ month });
  }

  protected pickRegion(region: string): void {
    this.show({ region });
  }

  protected pickList(list: ReconciliationList): void {
    this.show({ list });
  }

  protected openAccept(row: ReconciliationRow): void {
    this.acceptAction.reset();
    this.reason.set('');
    this.accepting.set(row);
  }

  protected closeAccept(): void {
    this.accepting.set(null);
  }

  protected reload(): void {
    this.accepting.set(null);
    this.result.reload();
  }

  protected confirmAccept(): void {
    const row = this.accepting();
    if (!row?.projectId || row.projectVersion === null) return;
    const reason = this.reason().trim();
    this.acceptAction.run(this.api.accept({ projectId: row.projectId, month: this.month(), version: row.projectVersion, reason: reason === '' ? null : reason }), {
      next: (project) => {
        this.accepting.set(null);
        this.messages.success(`已将「${project.name}」的入库月份设为${monthLabel(project.statsRegisteredMonth ?? this.month())}`);
        this.result.reload();
      },
      error: (error) => (apiErrorCode(error) === 'PERIOD_CLOSED' && this.mayCorrect() ? `${apiErrorMessage(error)}。请填写更正原因后再确认。` : apiErrorMessage(error)),
    });
  }

  private show(change: Record<string, string>): void {
    const region = this.region();
    void this.router.navigate([], { queryParams: { month: this.month(), ...(region ? { region } : {}), list: this.list(), ...change }, replaceUrl: true });
  }
}
