import type { Routes } from '@angular/router';
import {
  ArrowLeftOutline,
  BranchesOutline,
  DownloadOutline,
  EditOutline,
  FilterOutline,
  NodeIndexOutline,
  PlusOutline,
  ReloadOutline,
  SearchOutline,
  SettingOutline,
  WarningOutline,
} from '@ant-design/icons-angular/icons';
import { capabilityGuard } from '@zhaoshang/web/auth/data-access';
import { unsavedChangesGuard } from '@zhaoshang/web/shared/ui';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { ProjectListPage } from './project-list-page';

/**
 * 项目管理: the list here; the detail and the form load on first use. Editing needs
 * `projects:edit`; whether this user may edit this project's region is the page's to say.
 */
export const projectsRoutes: Routes = [
  {
    path: '',
    providers: [
      provideNzIconsPatch([
        ArrowLeftOutline,
        BranchesOutline,
        DownloadOutline,
        EditOutline,
        FilterOutline,
        NodeIndexOutline,
        PlusOutline,
        ReloadOutline,
        SearchOutline,
        SettingOutline,
        WarningOutline,
      ]),
    ],
    children: [
      { path: '', component: ProjectListPage },
      {
        path: 'new',
        title: '新建项目',
        canActivate: [capabilityGuard('projects:edit')],
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('@zhaoshang/web/projects/feature-form').then((m) => m.ProjectFormPage),
      },
      {
        path: ':id',
        title: '项目详情',
        loadComponent: () => import('@zhaoshang/web/projects/feature-detail').then((m) => m.ProjectDetailPage),
      },
      {
        path: ':id/edit',
        title: '编辑项目',
        canActivate: [capabilityGuard('projects:edit')],
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('@zhaoshang/web/projects/feature-form').then((m) => m.ProjectFormPage),
      },
    ],
  },
];
