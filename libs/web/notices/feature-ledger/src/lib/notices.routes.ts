import type { Routes } from '@angular/router';
import { ArrowLeftOutline, DownloadOutline } from '@ant-design/icons-angular/icons';
import { unsavedChangesGuard } from '@zhaoshang/web/shared/ui';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NoticeDetailPage } from './detail/notice-detail-page';
import { NoticeLedgerPage } from './ledger/ledger-page';
import { NoticeNewPage } from './new/notice-new-page';
import { NoticeSettingsPage } from './settings/notice-settings-page';

/** 督办台账 and one notice (DOMAIN.md §9); the shell's nav entry guards them (everyone signed in reads). */
export const noticesRoutes: Routes = [
  {
    path: '',
    providers: [provideNzIconsPatch([ArrowLeftOutline, DownloadOutline])],
    children: [
      { path: '', title: '督办台账', component: NoticeLedgerPage },
      // a link from another page (问题详情 → 发提醒单): the compose dialog for the subject in the query
      { path: 'new', title: '发通知', component: NoticeNewPage },
      { path: ':id', title: '督办通知', component: NoticeDetailPage },
    ],
  },
];

/** 督办设置: the shell's nav entry guards it with 'settings:manage'. */
export const noticeSettingsRoutes: Routes = [{ path: '', title: '督办设置', component: NoticeSettingsPage, canDeactivate: [unsavedChangesGuard] }];
