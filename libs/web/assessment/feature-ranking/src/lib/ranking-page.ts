import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { type AssessmentSettingsResponse, can, monthLabel, shanghaiToday } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { PageHeader, injectIsPhone } from '@zhaoshang/web/shared/ui/layout';
import { apiErrorMessage } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { AssessmentApi } from './assessment.api';
import { PERIOD_KIND_LABELS, type PeriodKind, defaultPeriod, periodKey, periodParts, periodSelection } from './periods';
import { RankingList } from './ranking-list';
import { WeightsDrawer } from './weights-drawer';

/** 考核排名: each district's score for a quarter, half year or year, broken down by component. */
@Component({
  selector: 'zs-ranking-page',
  imports: [FormsModule, PageHeader, NzAlertModule, NzButtonModule, NzCardModule, NzRadioModule, NzSelectModule, NzSkeletonModule, RankingList, WeightsDrawer],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-page-header heading="考核排名" [description]="description()">
      @if (canManage()) {
        <button nz-button type="button" (click)="drawerOpen.set(true)" data-testid="weights-open">考核权重</button>
      }
    </zs-page-header>

    <div class="picker">
      <nz-radio-group [ngModel]="kind()" (ngModelChange)="setKind($event)" nzButtonStyle="solid" data-testid="period-kind">
        @for (k of kinds; track k.value) {
          <label nz-radio-button [nzValue]="k.value">{{ k.label }}</label>
        }
      </nz-radio-group>
      <nz-select [ngModel]="year()" (ngModelChange)="year.set($event)" class="year" data-testid="period-year">
        @for (y of years; track y) {
          <nz-option [nzValue]="y" [nzLabel]="y + '年'" />
        }
      </nz-select>
      @if (kind() !== 'YEAR') {
        <nz-select [ngModel]="part()" (ngModelChange)="part.set($event)" class="part" data-testid="period-part">
          @for (p of parts(); track p.value) {
            <nz-option [nzValue]="p.value" [nzLabel]="p.label" />
          }
        </nz-select>
      }
    </div>

    @if (ranking.error()) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="errorText()" />
    } @else if (ranking.hasValue()) {
      @let r = ranking.value();
      @if (r.openMonths.length > 0) {
        <nz-alert class="note" nzType="info" nzShowIcon data-testid="open-months"
          [nzMessage]="openText()" />
      }
      <nz-card [nzBordered]="false">
        <zs-ranking-list [rows]="r.rows" />
      </nz-card>
      <p class="footnote">
        得分 = Σ 权重 × 得分率 × 100。目标完成率按已结账月份的发布数据对照全年目标按月折算，超过 120% 按 120% 计满分；问题、督办事项、优惠政策按
        {{ r.judgedOn }} 的状态判断是否按时办结（兑现）；某项无数据的旗县该项不计，权重按比例分给其他项；得分相同名次并列。
      </p>
    } @else {
      <nz-skeleton [nzActive]="true" />
    }

    @if (canManage()) {
      <zs-assessment-weights-drawer [open]="drawerOpen()" [settings]="settings.value() ?? null" [phone]="isPhone()"
        (closed)="drawerOpen.set(false)" (saved)="onSaved($event)" (reload)="settings.reload()" />
    }
  `,
  styles: `
    .picker {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 16px;
    }
    .year {
      width: 110px;
    }
    .part {
      width: 120px;
    }
    .note {
      margin-bottom: 12px;
    }
    .footnote {
      margin-top: 12px;
      font-size: 12px;
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class RankingPage {
  private readonly api = inject(AssessmentApi);
  private readonly user = inject(AuthService).currentUser;
  protected readonly isPhone = injectIsPhone();
  protected readonly canManage = computed(() => can(this.user()?.role, 'settings:manage'));

  private readonly initial = periodSelection(defaultPeriod(shanghaiToday())) ?? { kind: 'QUARTER' as PeriodKind, year: 2026, part: 'Q1' };
  protected readonly kind = signal<PeriodKind>(this.initial.kind);
  protected readonly year = signal(this.initial.year);
  protected readonly part = signal(this.initial.part);
  protected readonly kinds = (Object.keys(PERIOD_KIND_LABELS) as PeriodKind[]).map((value) => ({ value, label: PERIOD_KIND_LABELS[value] }));
  protected readonly years = [0, 1, 2].map((back) => Number(shanghaiToday().slice(0, 4)) - back);
  protected readonly parts = computed(() => periodParts(this.kind()));
  protected readonly period = computed(() => periodKey(this.year(), this.part()));

  protected readonly ranking = rxResource({ params: () => this.period(), stream: ({ params }) => this.api.ranking(params) });
  protected readonly settings = rxResource({ params: () => (this.canManage() ? true : undefined), stream: () => this.api.settings() });
  protected readonly drawerOpen = signal(false);

  protected readonly description = computed(() => (this.ranking.hasValue() ? `${this.ranking.value().period.label} · 各旗县市区考核评分` : '各旗县市区考核评分'));
  protected readonly openText = computed(() => {
    const r = this.ranking.hasValue() ? this.ranking.value() : null;
    if (!r) return '';
    const open = r.openMonths.map(monthLabel).join('、');
    return r.closedMonths.length === 0
      ? `${open}尚未结账：目标完成情况暂不计分，仅按跟踪落实评分。`
      : `${open}尚未结账，目标完成情况只计已结账的 ${r.closedMonths.map(monthLabel).join('、')}（目标按月折算）。`;
  });
  protected readonly errorText = computed(() => apiErrorMessage(this.ranking.error()));

  protected setKind(kind: PeriodKind): void {
    this.kind.set(kind);
    this.part.set(periodParts(kind)[0].value);
  }

  protected onSaved(settings: AssessmentSettingsResponse): void {
    this.settings.set(settings);
    this.drawerOpen.set(false);
    this.ranking.reload();
  }
}
