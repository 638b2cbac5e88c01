import { Location } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ISSUE_CATEGORY_LABELS, type ProjectIssueDetailDto } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { ProblemsApi } from '@zhaoshang/web/problems/data-access';
import { IssueCategoryTag, IssueDue, IssueStatusTag } from '@zhaoshang/web/problems/ui';
import { DateTimePipe } from '@zhaoshang/web/shared/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { EditProblemDialog } from './edit-problem-dialog';
import { NoteDialog, type NoteTarget } from './note-dialog';
import { type StatusMove, problemRights, statusMoves } from './problem-actions';

/**
 * One problem: what it is, who handles it by when, its notes (newest first), and what this user may
 * do: 编辑 and 改变状态 (staff of the region), 填写进展 / 填写意见, and 发提醒单 for city staff once it
 * is overdue (the 督办 pages take it from there, through their URL).
 */
@Component({
  selector: 'zs-problem-detail-page',
  imports: [RouterLink, NzButtonModule, NzCardModule, NzDescriptionsModule, NzEmptyModule, NzSkeletonModule, NzTimelineModule, DateTimePipe, IssueCategoryTag, IssueDue, IssueStatusTag, EditProblemDialog, NoteDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './problem-detail-page.html',
  styleUrl: './problem-detail-page.less',
})
export class ProblemDetailPage {
  /** the route's `:id` */
  readonly id = input.required<string>();

  private readonly api = inject(ProblemsApi);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly messages = inject(NzMessageService);
  private readonly user = inject(AuthService).currentUser;

  protected readonly categoryLabels = ISSUE_CATEGORY_LABELS;
  protected readonly issue = signal<ProjectIssueDetailDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly missing = signal(false);
  protected readonly editing = signal<ProjectIssueDetailDto | null>(null);
  protected readonly noting = signal<NoteTarget | null>(null);

  protected readonly rights = computed(() => {
    const issue = this.issue();
    return issue ? problemRights(this.user(), issue) : { edit: false, comment: false, notice: false };
  });
  protected readonly isLeader = computed(() => this.user()?.role === 'LEADER');
  protected readonly moves = computed(() => {
    const issue = this.issue();
    return issue && this.rights().edit ? statusMoves(issue.status) : [];
  });
  /** newest first: what happened last is what one wants to read */
  protected readonly notes = computed(() => [...(this.issue()?.notes ?? [])].reverse());

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected back(): void {
    // back to the list as it was filtered, when we came from it
    if (this.router.lastSuccessfulNavigation()?.previousNavigation) this.location.back();
    else void this.router.navigate(['/problems']);
  }

  protected edit(): void {
    this.editing.set(this.issue());
  }

  protected note(): void {
    const issue = this.issue();
    if (issue) this.noting.set({ kind: 'note', issue, asLeader: this.isLeader() });
  }

  protected move(move: StatusMove): void {
    const issue = this.issue();
    if (issue) this.noting.set({ kind: 'status', issue, move });
  }

  protected notice(): void {
    const issue = this.issue();
    if (issue) void this.router.navigate(['/notices/new'], { queryParams: { subjectType: 'ISSUE', issueId: issue.id } });
  }

  protected changed(issue: ProjectIssueDetailDto, what: string): void {
    this.issue.set(issue);
    this.messages.success(what);
  }

  /** after a 409: the problem as it is now; the dialog closes, the user decides again */
  protected reload(): void {
    this.editing.set(null);
    this.noting.set(null);
    this.load(this.id());
  }

  private load(id: string): void {
    this.loading.set(true);
    this.api.get(id).subscribe({
      next: (issue) => {
        this.issue.set(issue);
        this.missing.set(false);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        if (error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400)) this.missing.set(true);
      },
    });
  }
}
