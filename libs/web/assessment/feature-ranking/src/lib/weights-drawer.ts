import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { type AssessmentComponent, type AssessmentSettingsResponse, ASSESSMENT_COMPONENT_LABELS, assessmentWeightsProblems, isTargetComponent } from '@zhaoshang/shared/domain';
import { saveAction } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { AssessmentApi } from './assessment.api';
import { COMPONENT_ORDER } from './periods';

/** percent on screen (whole numbers are what bureaus write), fractions in the API */
const toPercent = (fraction: number) => Math.round(fraction * 10000) / 100;

/**
 * 考核权重 (admin): one percentage per component, 0 leaves it out; the sum must be 100 %. Checked
 * here by the same function as the API, so the drawer says what the server would.
 */
@Component({
  selector: 'zs-assessment-weights-drawer',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzDrawerModule, NzInputNumberModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer [nzVisible]="open()" nzTitle="考核权重" [nzWidth]="drawerWidth()" [nzFooter]="footer" (nzOnClose)="closed.emit()">
      <ng-container *nzDrawerContent>
        <p class="hint">目标完成率按已结账月份对照全年目标按月折算，超过 120% 按 120% 计满分；某项无数据的旗县，该项权重按比例分给其他项。权重为 0 的项不计分。</p>
        @for (group of groups; track group.title) {
          <h3 class="group">{{ group.title }}</h3>
          @for (c of group.components; track c) {
            <div class="line">
              <label class="label" [for]="'weight-' + c">{{ labels[c] }}</label>
              <nz-input-number [nzId]="'weight-' + c" [ngModel]="percent()[c]" (ngModelChange)="set(c, $event)" [nzMin]="0" [nzMax]="100" [nzStep]="5" [attr.data-testid]="'weight-' + c" />
              <span class="unit">%</span>
            </div>
          }
        }
        <p class="sum" [class.bad]="!sumOk()" data-testid="weights-sum">合计 {{ sum() }}%</p>
        @for (p of problems(); track p.field) {
          <nz-alert nzType="error" [nzMessage]="p.message" nzShowIcon class="alert" />
        }
        @if (save.error(); as error) {
          <nz-alert nzType="error" [nzMessage]="error" nzShowIcon class="alert" data-testid="weights-error" />
        }
        @if (save.conflict(); as conflict) {
          <nz-alert nzType="warning" [nzMessage]="conflict" nzShowIcon class="alert" [nzAction]="reloadAction" />
          <ng-template #reloadAction><button nz-button nzSize="small" type="button" (click)="reload.emit()">重新加载</button></ng-template>
        }
      </ng-container>
      <ng-template #footer>
        <div class="footer">
          <button nz-button type="button" (click)="closed.emit()">取消</button>
          <button nz-button nzType="primary" type="button" [nzLoading]="save.saving()" [disabled]="problems().length > 0" (click)="submit()" data-testid="weights-save">保存</button>
        </div>
      </ng-template>
    </nz-drawer>
  `,
  styles: `
    .hint {
      color: rgba(0, 0, 0, 0.45);
      margin-bottom: 12px;
    }
    .group {
      font-size: 14px;
      font-weight: 600;
      margin: 16px 0 8px;
    }
    .line {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .label {
      flex: 1;
    }
    .sum {
      margin-top: 12px;
      font-weight: 600;
    }
    .sum.bad {
      color: #cf1322;
    }
    .alert {
      margin-top: 8px;
    }
    .footer {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class WeightsDrawer {
  private readonly api = inject(AssessmentApi);
  readonly open = input.required<boolean>();
  readonly settings = input.required<AssessmentSettingsResponse | null>();
  /** the phone gets the whole width */
  readonly phone = input(false);
  readonly closed = output<void>();
  readonly saved = output<AssessmentSettingsResponse>();
  readonly reload = output<void>();

  protected readonly labels = ASSESSMENT_COMPONENT_LABELS;
  protected readonly groups = [
    { title: '目标完成', components: COMPONENT_ORDER.filter(isTargetComponent) },
    { title: '跟踪落实', components: COMPONENT_ORDER.filter((c) => !isTargetComponent(c)) },
  ];
  protected readonly save = saveAction({ conflictMessage: '考核权重已被他人修改，请重新加载后再改' });
  protected readonly percent = signal<Record<AssessmentComponent, number>>(Object.fromEntries(COMPONENT_ORDER.map((c) => [c, 0])) as Record<AssessmentComponent, number>);
  protected readonly drawerWidth = computed(() => (this.phone() ? '100%' : 420));
  protected readonly sum = computed(() => toPercent(COMPONENT_ORDER.reduce((s, c) => s + (this.percent()[c] ?? 0), 0) / 100));
  protected readonly sumOk = computed(() => Math.abs(this.sum() - 100) < 1e-6);
  protected readonly problems = computed(() => assessmentWeightsProblems(this.fractions()));

  constructor() {
    // each opening starts from what is saved, not from an abandoned edit
    effect(() => {
      const settings = this.settings();
      if (this.open() && settings) {
        this.percent.set(Object.fromEntries(COMPONENT_ORDER.map((c) => [c, toPercent(settings.weights[c])])) as Record<AssessmentComponent, number>);
        this.save.reset();
      }
    });
  }

  protected set(component: AssessmentComponent, value: number | null): void {
    this.percent.update((p) => ({ ...p, [component]: value ?? 0 }));
  }

  private fractions(): Record<AssessmentComponent, number> {
    return Object.fromEntries(COMPONENT_ORDER.map((c) => [c, (this.percent()[c] ?? 0) / 100])) as Record<AssessmentComponent, number>;
  }

  protected submit(): void {
    const settings = this.settings();
    if (!settings) return;
    this.save.run(this.api.saveSettings({ weights: this.fractions(), version: settings.version }), { next: (value) => this.saved.emit(value) });
  }
}
