import { Location } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import {
  INVESTOR_ORIGIN_LABELS,
  PROJECT_FIELD_LABELS,
  type ProjectDetailDto,
  STAGE_LABELS,
  can,
  canEditRegion,
} from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { ProjectsApi } from '@zhaoshang/web/projects/data-access';
import { ProjectHistory, ProjectTimeline, StageTag, historyItem } from '@zhaoshang/web/projects/ui';
import { IndustriesStore, RegionsStore, SiteStore } from '@zhaoshang/web/shared/data-access';
import { DateTimePipe, MoneyPipe, WanPipe } from '@zhaoshang/web/shared/ui';
import { ProjectWarningsCard } from '@zhaoshang/web/warnings/feature-list';
import { ProjectProblemsCard } from '@zhaoshang/web/problems/feature-list';
import { ProjectCommitmentsCard } from '@zhaoshang/web/commitments/feature-ledger';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ApprovalsPanel } from './approvals-panel';
import { StageDialog } from './stage-dialog';

@Component({
  selector: 'zs-project-detail-page',
  imports: [
    ProjectWarningsCard,
    ProjectProblemsCard,
    ProjectCommitmentsCard,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzIconModule,
    NzSkeletonModule,
    NzTableModule,
    NzTagModule,
    DateTimePipe,
    MoneyPipe,
    WanPipe,
    ApprovalsPanel,
    ProjectHistory,
    ProjectTimeline,
    StageDialog,
    StageTag,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-detail-page.html',
  styleUrl: './project-detail-page.less',
})
export class ProjectDetailPage {
  /** the route's `:id` */
  readonly id = input.required<string>();

  private readonly api = inject(ProjectsApi);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly messages = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly title = inject(Title);
  private readonly site = inject(SiteStore);
  private readonly regions = inject(RegionsStore);
  private readonly industries = inject(IndustriesStore);
  protected readonly user = inject(AuthService).currentUser;

  protected readonly labels = PROJECT_FIELD_LABELS;
  protected readonly stageLabels = STAGE_LABELS;
  protected readonly originLabels = INVESTOR_ORIGIN_LABELS;

  protected readonly project = signal<ProjectDetailDto | null>(null);
  /** the tab says which project is open (several are often open side by side) */
  private readonly tabTitle = effect(() => {
    const project = this.project();
    if (project) this.title.setTitle(this.site.pageTitle(project.name, '项目详情'));
  });
  protected readonly loading = signal(true);
  protected readonly missing = signal(false);
  /** the id of the project this one increases, looked up by its number */
  protected readonly parentId = signal<string | null>(null);

  private readonly rawHistory = signal<Parameters<typeof historyItem>[0][]>([]);
  protected readonly historyCursor = signal<string | null>(null);
  protected readonly historyLoading = signal(false);

  protected readonly stageDialogProject = signal<ProjectDetailDto | null>(null);

  /** edit, move and increase: the capability, and for district staff only their own region */
  protected readonly canEdit = computed(() => {
    const user = this.user();
    const project = this.project();
    return !!user && !!project && can(user.role, 'projects:edit') && canEditRegion(user, project.regionCode);
  });

  protected readonly historyItems = computed(() => {
    // names arrive with the reference data; the history is re-read in words once they do
    this.regions.regions();
    this.industries.industries();
    const names = { regionName: (code: string) => this.regions.name(code), industryName: (code: string) => this.industries.name(code) };
    return this.rawHistory().map((entry) => historyItem(entry, names));
  });

  constructor() {
    this.regions.ensureLoaded();
    this.industries.ensureLoaded();
    effect(() => {
      const id = this.id();
      untracked(() => this.open(id));
    });
  }

  protected back(): void {
    // back to the list as it was filtered, when we came from it
    if (this.router.lastSuccessfulNavigation()?.previousNavigation) this.location.back();
    else void this.router.navigate(['/projects']);
  }

  protected reload(): void {
    this.load(this.id(), true);
  }

  protected onChanged(project: ProjectDetailDto): void {
    this.project.set(project);
    this.loadHistory(project.id, null);
  }

  protected loadMoreHistory(): void {
    const cursor = this.historyCursor();
    const project = this.project();
    if (cursor && project && !this.historyLoading()) this.loadHistory(project.id, cursor);
  }

  private open(id: string): void {
    this.project.set(null);
    this.missing.set(false);
    this.parentId.set(null);
    this.rawHistory.set([]);
    this.load(id, false);
    this.loadHistory(id, null);
  }

  private load(id: string, reloading: boolean): void {
    this.loading.set(true);
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (project) => {
          this.loading.set(false);
          this.project.set(project);
          if (this.stageDialogProject()) this.stageDialogProject.set(project);
          if (reloading) {
            this.messages.info('已加载最新数据');
            this.loadHistory(id, null);
          }
          this.findParent(project);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          if (error instanceof HttpErrorResponse && error.status === 404) this.missing.set(true);
        },
      });
  }

  private loadHistory(id: string, cursor: string | null): void {
    this.historyLoading.set(true);
    this.api
      .history(id, cursor)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.historyLoading.set(false);
          this.rawHistory.update((items) => (cursor ? [...items, ...page.items] : page.items));
          this.historyCursor.set(page.nextCursor);
        },
        error: () => this.historyLoading.set(false),
      });
  }

  /** The parent is known by its number; its page by its id, found through the search. */
  private findParent(project: ProjectDetailDto): void {
    const parentNo = project.parentProjectNo;
    if (!parentNo) return;
    this.api
      .search({ q: parentNo, page: 1, pageSize: 20 })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => this.parentId.set(result.items.find((p) => p.projectNo === parentNo)?.id ?? null),
        error: () => undefined,
      });
  }
}
