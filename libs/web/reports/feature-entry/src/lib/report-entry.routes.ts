import type { Routes } from '@angular/router';
import { DownloadOutline, LockOutline, ReloadOutline, SendOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { ReportEntryPage } from './report-entry-page';

/** 月报填报: districts (and the city for them) enter and submit a month's figures. */
export const reportEntryRoutes: Routes = [
  { path: '', providers: [provideNzIconsPatch([DownloadOutline, LockOutline, ReloadOutline, SendOutline])], component: ReportEntryPage },
];
