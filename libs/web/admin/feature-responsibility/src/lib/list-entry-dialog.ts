import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RESPONSIBILITY_LEVEL_LABELS, RESPONSIBILITY_LEVELS, type UserDto } from '@zhaoshang/shared/domain';
import { ResponsibilityApi } from '@zhaoshang/web/admin/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { FirstErrorPipe, FormDialog, applyServerErrors, validateAll } from '@zhaoshang/web/shared/ui';
import { saveAction } from '@zhaoshang/web/shared/util';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import type { Observable } from 'rxjs';
import { isLeader, LIST_LABELS, type ListEntry, type ListEntryTarget, listEntryForm } from './list-entry';

/** Create or edit an entry of the 包联领导 or 责任单位 list. */
@Component({
  selector: 'zs-list-entry-dialog',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, NzInputNumberModule, NzRadioModule, NzSelectModule, NzSwitchModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="target() !== null"
      [title]="title()"
      [action]="saver"
      formId="list-entry-form"
      [submitText]="isCreate() ? '创建' : '保存'"
      testId="list-entry-form"
      (cancelled)="closed.emit()"
      (reload)="reloadRequested.emit()"
    >
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="list-entry-form">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="le-name">{{ labels().nameLabel }}</nz-form-label>
          <nz-form-control [nzErrorTip]="tip" [nzExtra]="isCreate() ? labels().nameHint : '改名会同时改正已填写该名称的每个项目'">
            <input nz-input id="le-name" formControlName="name" autocomplete="off" [attr.maxlength]="labels().maxLength" data-testid="list-entry-name" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired>级别</nz-form-label>
          <nz-form-control>
            <nz-radio-group formControlName="level" data-testid="list-entry-level">
              @for (level of levels; track level) {
                <label nz-radio [nzValue]="level">{{ levelLabels[level] }}</label>
              }
            </nz-radio-group>
          </nz-form-control>
        </nz-form-item>
        @if (form.controls.level.value === 'DISTRICT') {
          <nz-form-item>
            <nz-form-label nzRequired nzFor="le-region">所属旗县区</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <nz-select nzId="le-region" formControlName="regionCode" nzPlaceHolder="选择旗县区" data-testid="list-entry-region">
                @for (district of regions.districts(); track district.code) {
                  <nz-option [nzValue]="district.code" [nzLabel]="district.name" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
        }
        @if (target()?.kind === 'leader') {
          <nz-form-item>
            <nz-form-label nzFor="le-portfolio">分管领域</nz-form-label>
            <nz-form-control [nzErrorTip]="tip" nzExtra="例如：工业和信息化、招商引资">
              <input nz-input id="le-portfolio" formControlName="portfolio" autocomplete="off" maxlength="200" data-testid="list-entry-portfolio" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="le-user">关联领导账号</nz-form-label>
            <nz-form-control [nzErrorTip]="tip" nzExtra="关联后，该账号的首页先列出其包联项目和红色预警">
              <nz-select nzId="le-user" formControlName="userId" nzAllowClear nzShowSearch nzPlaceHolder="不关联" data-testid="list-entry-user">
                @for (user of leaderAccounts(); track user.id) {
                  <nz-option [nzValue]="user.id" [nzLabel]="user.displayName + '（' + user.username + '）'" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
        }
        <nz-form-item>
          <nz-form-label nzRequired nzFor="le-sort">排序号</nz-form-label>
          <nz-form-control [nzErrorTip]="tip" nzExtra="数字小的排在前面">
            <nz-input-number nzId="le-sort" formControlName="sortOrder" [nzMin]="0" [nzMax]="99999" [nzStep]="10" [nzPrecision]="0" />
          </nz-form-control>
        </nz-form-item>
        @if (!isCreate()) {
          <nz-form-item>
            <nz-form-label nzFor="le-active">启用</nz-form-label>
            <nz-form-control nzExtra="停用后不能再选给项目，已填写的项目不受影响">
              <nz-switch id="le-active" formControlName="active" nzCheckedChildren="启用" nzUnCheckedChildren="停用" />
            </nz-form-control>
          </nz-form-item>
        }
      </form>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    nz-input-number {
      width: 160px;
    }
  `,
})
export class ListEntryDialog {
  readonly target = input<ListEntryTarget | null>(null);
  /** accounts with the LEADER role, for linking (admins only see this page) */
  readonly accounts = input<UserDto[]>([]);
  readonly saved = output<ListEntry>();
  readonly closed = output();
  readonly reloadRequested = output();

  private readonly api = inject(ResponsibilityApi);
  protected readonly regions = inject(RegionsStore);
  protected readonly form = listEntryForm(inject(NonNullableFormBuilder));
  protected readonly levels = RESPONSIBILITY_LEVELS;
  protected readonly levelLabels = RESPONSIBILITY_LEVEL_LABELS;
  protected readonly isCreate = computed(() => this.target()?.mode === 'create');
  protected readonly labels = computed(() => LIST_LABELS[this.target()?.kind ?? 'leader']);
  protected readonly title = computed(() => {
    const target = this.target();
    if (!target) return '';
    return target.mode === 'create' ? `新增${LIST_LABELS[target.kind].noun}` : `编辑${LIST_LABELS[target.kind].noun}：${target.entry.name}`;
  });
  protected readonly leaderAccounts = computed(() => this.accounts().filter((u) => u.role === 'LEADER' && !u.disabled));
  protected readonly saver = saveAction();

  constructor() {
    this.regions.ensureLoaded();
    effect(() => {
      const target = this.target();
      if (target) untracked(() => this.fill(target));
    });
  }

  protected submit(): void {
    const target = this.target();
    if (!target || this.saver.saving() || !validateAll(this.form)) return;
    const v = this.form.getRawValue();
    const common = { name: v.name.trim(), level: v.level, regionCode: v.level === 'DISTRICT' ? v.regionCode : null, sortOrder: v.sortOrder ?? 0 };
    const leaderFields = { portfolio: v.portfolio.trim() || null, userId: v.userId };
    let request: Observable<ListEntry>;
    if (target.kind === 'leader') {
      request = target.mode === 'create' ? this.api.createLeader({ ...common, ...leaderFields }) : this.api.updateLeader(target.entry.id, { ...common, ...leaderFields, active: v.active, version: target.entry.version });
    } else {
      request = target.mode === 'create' ? this.api.createUnit(common) : this.api.updateUnit(target.entry.id, { ...common, active: v.active, version: target.entry.version });
    }
    this.saver.run(request, {
      next: (entry) => {
        this.saved.emit(entry);
        this.closed.emit();
      },
      error: (error) => applyServerErrors(this.form, error),
    });
  }

  private fill(target: ListEntryTarget): void {
    this.saver.reset();
    if (target.mode === 'create') {
      this.form.reset({ name: '', level: 'CITY', regionCode: null, portfolio: '', userId: null, sortOrder: target.sortOrder, active: true });
      return;
    }
    const e = target.entry;
    this.form.reset({
      name: e.name,
      level: e.level,
      regionCode: e.regionCode,
      portfolio: isLeader(e) ? (e.portfolio ?? '') : '',
      userId: isLeader(e) ? e.userId : null,
      sortOrder: e.sortOrder,
      active: e.active,
    });
  }
}
