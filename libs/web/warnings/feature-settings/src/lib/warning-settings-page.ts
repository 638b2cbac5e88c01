import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { WARNING_RULE_LABELS, WARNING_RULES, type WarningSettingField, type WarningSettingsResponse, warningSettingsProblems } from '@zhaoshang/shared/domain';
import { type HoldsUnsavedChanges, PageHeader } from '@zhaoshang/web/shared/ui';
import { apiErrorBody, apiErrorMessage, saveAction } from '@zhaoshang/web/shared/util';
import { WarningsApi } from '@zhaoshang/web/warnings/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { type SettingsDraft, defaultOf, draftOf, fieldKey, fieldsOf, problemsByField, sameDraft, settingsOf } from './settings-form';

export const SETTINGS_CONFLICT_MESSAGE = '预警设置已被他人修改，已重新载入最新设置，请核对后再保存';

/** What each rule watches, in a sentence, above its thresholds. */
export const RULE_EXPLANATIONS: Record<(typeof WARNING_RULES)[number], string> = {
  START: '已签约（或已注册落地）但尚未开工的项目。有计划开工月份的按计划月份计，否则按签约日期计。',
  STATS: '已开工、计划总投资达到下限但尚未统计入库的项目，自开工日期起计。',
  FUNDS: '已开工的项目，自开工日期或最近一次有资金到位（已报送或已核实的月报）的月份结束起计。',
  REPORT: '应填报月份（自签约当月起）的月报无月报、仍为草稿或被退回，按最早一个未报送月份计。',
  ISSUE: '项目有未办结的问题诉求（待办或办理中）且已到办理时限，按最早到期的问题计；问题解决或认定无法解决后不再预警。',
  POLICY: '项目有承诺的优惠政策未兑现（未兑现或部分兑现）且已到兑现期限，按最早到期的承诺计；全部兑现或认定不再兑现后不再预警。',
};

/** 预警设置: the thresholds of the warning rules, edited by an admin, with the defaults beside them. */
@Component({
  selector: 'zs-warning-settings-page',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzInputNumberModule, NzSpinModule, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './warning-settings-page.html',
  styleUrl: './warning-settings-page.less',
})
export class WarningSettingsPage implements HoldsUnsavedChanges {
  private readonly api = inject(WarningsApi);
  private readonly messages = inject(NzMessageService);

  protected readonly rules = WARNING_RULES;
  protected readonly ruleLabels = WARNING_RULE_LABELS;
  protected readonly explanations = RULE_EXPLANATIONS;
  protected readonly fieldsOf = fieldsOf;
  protected readonly key = fieldKey;
  protected readonly defaultOf = defaultOf;

  protected readonly loaded = signal<WarningSettingsResponse | null>(null);
  protected readonly draft = signal<SettingsDraft>({});
  protected readonly loading = signal(false);
  private readonly saver = saveAction({ conflictMessage: SETTINGS_CONFLICT_MESSAGE });
  protected readonly saving = this.saver.saving;
  protected readonly serverProblems = signal<Record<string, string>>({});
  protected readonly error = this.saver.error;
  protected readonly conflict = this.saver.conflict;

  protected readonly problems = computed(() => ({ ...problemsByField(warningSettingsProblems(settingsOf(this.draft()))), ...this.serverProblems() }));
  protected readonly dirty = computed(() => {
    const loaded = this.loaded();
    return loaded !== null && !sameDraft(this.draft(), draftOf(loaded.settings));
  });
  protected readonly problemsCount = computed(() => Object.keys(this.problems()).length);
  protected readonly conflictMessage = SETTINGS_CONFLICT_MESSAGE;
  protected readonly isDefault = computed(() => this.fieldsAll().every((f) => this.draft()[fieldKey(f)] === defaultOf(f)));

  constructor() {
    this.load();
  }

  private fieldsAll(): WarningSettingField[] {
    return this.rules.flatMap((r) => fieldsOf(r));
  }

  hasUnsavedChanges(): boolean {
    return this.dirty();
  }

  load(): void {
    this.loading.set(true);
    this.api.settings().subscribe({
      next: (response) => {
        this.loading.set(false);
        this.loaded.set(response);
        this.draft.set(draftOf(response.settings));
        this.serverProblems.set({});
      },
      error: () => this.loading.set(false),
    });
  }

  protected edit(f: WarningSettingField, value: number | null): void {
    this.draft.update((d) => ({ ...d, [fieldKey(f)]: value }));
    this.serverProblems.update(({ [fieldKey(f)]: _removed, ...rest }) => rest);
    this.error.set(null);
  }

  protected restoreDefaults(): void {
    this.draft.set(Object.fromEntries(this.fieldsAll().map((f) => [fieldKey(f), defaultOf(f)])));
    this.serverProblems.set({});
  }

  protected discard(): void {
    const loaded = this.loaded();
    if (loaded) this.draft.set(draftOf(loaded.settings));
    this.serverProblems.set({});
    this.error.set(null);
  }

  protected save(): void {
    const loaded = this.loaded();
    if (!loaded || this.saving() || this.problemsCount() > 0) return;
    this.saver.run(this.api.saveSettings({ settings: settingsOf(this.draft()), version: loaded.version }), {
      next: (response) => {
        this.loaded.set(response);
        this.draft.set(draftOf(response.settings));
        this.messages.success('预警设置已保存，预警将按新设置评估');
      },
      // someone else saved meanwhile: their settings are read, the alert says so
      conflict: () => {
        this.conflict.set(SETTINGS_CONFLICT_MESSAGE);
        this.load();
      },
      error: (error) => {
        const details = apiErrorBody(error)?.details ?? [];
        if (details.length > 0) this.serverProblems.set(problemsByField(details.map((d) => ({ field: d.field, message: d.message }))));
        return apiErrorMessage(error);
      },
    });
  }
}
