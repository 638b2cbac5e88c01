import type { Routes } from '@angular/router';
import { ProblemDetailPage } from './problem-detail-page';
import { ProblemListPage } from './problem-list-page';

/** 问题清单 (issue 14 item 2) and one problem; the shell's nav entry guards both with 'problems:read'. */
export const problemsRoutes: Routes = [
  { path: '', title: '问题清单', component: ProblemListPage },
  { path: ':id', title: '问题详情', component: ProblemDetailPage },
];
