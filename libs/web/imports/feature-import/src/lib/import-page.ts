import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { type Capability, IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind, can } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { IMPORT_ACCEPT, ImportFlowStore, ImportsApi, importErrorMessage, isImportFileName } from '@zhaoshang/web/imports/data-access';
import { PageHeader, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { downloadAction, formatCount } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { type NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';
import { KIND_HINTS, checkSummary, doneSummary, fileSize, templateButtonText, transferText } from './import-text';
import { MonthlyExportCard } from './monthly-export-card';
import { RowErrorTable } from './row-error-table';

/** Where to look at what was imported. */
const RESULT_LINKS: Record<ImportKind, { label: string; link: string; capability: Capability }[]> = {
  projects: [{ label: '项目管理', link: '/projects', capability: 'projects:read' }],
  monthly: [
    { label: '月报核实', link: '/reports/verify', capability: 'reports:verify' },
    { label: '月报填报', link: '/reports/entry', capability: 'reports:read' },
    { label: '项目管理', link: '/projects', capability: 'projects:read' },
  ],
  fai: [{ label: '固定资产投资', link: '/reports/fai', capability: 'fai:read' }],
  commitments: [{ label: '兑现台账', link: '/commitments', capability: 'commitments:read' }],
  stats: [{ label: '统计对账', link: '/stats/reconciliation', capability: 'projects:read' }],
};

/** 数据导入: ① 选择文件 ② 预检（不写入） ③ 确认导入; and 导出月报 beside it. */
@Component({
  selector: 'zs-import-page',
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzIconModule,
    NzProgressModule,
    NzRadioModule,
    NzResultModule,
    NzSpinModule,
    NzStepsModule,
    NzUploadModule,
    PageHeader,
    MonthlyExportCard,
    RowErrorTable,
  ],
  providers: [ImportFlowStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-page.html',
  styleUrl: './import-page.less',
})
export class ImportPage {
  protected readonly store = inject(ImportFlowStore);
  private readonly api = inject(ImportsApi);
  private readonly messages = inject(NzMessageService);
  private readonly user = inject(AuthService).currentUser;

  protected readonly isPhone = injectIsPhone();
  protected readonly accept = IMPORT_ACCEPT;
  protected readonly kindLabels = IMPORT_KIND_LABELS;
  /** FAI totals only for those who may change them */
  // the statistics figures (FAI, the bureau's list) are city staff's and admins' to import
  protected readonly kinds = computed(() => IMPORT_KINDS.filter((kind) => (kind !== 'fai' && kind !== 'stats') || can(this.user()?.role, 'fai:edit')));
  protected readonly kindHint = computed(() => KIND_HINTS[this.store.kind()]);
  protected readonly templateText = computed(() => templateButtonText(this.store.kind()));
  protected readonly resultLinks = computed(() => RESULT_LINKS[this.store.kind()].filter((link) => can(this.user()?.role, link.capability)));
  protected readonly downloadingTemplate = downloadAction();
  protected readonly downloadingReport = downloadAction();

  constructor() {
    // 导入 on another page (the 兑现台账's, say) links here with ?kind=… to open on its kind
    const kind = inject(ActivatedRoute).snapshot.queryParamMap.get('kind');
    const offered = this.kinds().find((k) => k === kind);
    if (offered) this.store.setKind(offered);
  }

  protected readonly stepStatus = computed(() => {
    const state = this.store.state();
    if (state.status === 'failed' || (state.status === 'checked' && !state.outcome.ok)) return 'error';
    if (state.status === 'done') return 'finish';
    return 'process';
  });
  protected readonly progressText = computed(() => {
    const transfer = this.store.transfer();
    return transfer ? transferText(transfer, this.store.state().status === 'checking') : '';
  });
  protected readonly fileText = computed(() => {
    const file = this.store.file();
    return file ? `${file.name}（${fileSize(file.size)}）` : '';
  });
  protected readonly errorCaption = computed(() => `共 ${formatCount(this.store.errors().length)} 处错误，未写入任何数据`);
  protected readonly warningCaption = computed(() => `${formatCount(this.store.warnings().length)} 处疑似重复项目（同一投资方或同一地区同名），已确认作为新项目导入`);
  protected readonly checkText = computed(() => {
    const checked = this.store.checked();
    return checked ? checkSummary(checked) : '';
  });
  protected readonly nothingToWrite = computed(() => {
    const checked = this.store.checked();
    return checked !== null && checked.created === 0 && checked.updated === 0;
  });
  protected readonly doneText = computed(() => {
    const state = this.store.state();
    return state.status === 'done' ? doneSummary(state.result) : '';
  });

  /** nz-upload hands the picked or dropped file here; returning false keeps the upload ours. */
  protected readonly beforeUpload = (file: NzUploadFile): boolean => {
    const picked = file as unknown as File;
    if (!isImportFileName(picked.name)) {
      this.messages.warning('只支持 .xlsx 或 .csv 文件');
      return false;
    }
    if (this.store.setFile(picked)) this.store.check();
    return false;
  };

  protected pickKind(kind: ImportKind): void {
    this.store.setKind(kind);
  }

  protected downloadTemplate(): void {
    const kind = this.store.kind();
    this.downloadingTemplate.run(this.api.template(kind), { error: (error) => this.messages.error(importErrorMessage(error, kind)) });
  }

  protected downloadErrorReport(): void {
    const file = this.store.file();
    const kind = this.store.kind();
    if (!file || this.downloadingReport.busy()) return;
    this.downloadingReport.run(this.api.errorReport(file, kind), { saved: (fileName) => this.messages.success(`已下载 ${fileName}`), error: (error) => this.messages.error(importErrorMessage(error, kind)) });
  }
}
