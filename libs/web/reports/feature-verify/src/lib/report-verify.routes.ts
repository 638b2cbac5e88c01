import type { Routes } from '@angular/router';
import { CheckOutline, DownloadOutline, LockOutline, ReloadOutline, RollbackOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { ReportVerifyPage } from './report-verify-page';

/** 月报核实: the city verifies or returns the districts' submitted reports. */
export const reportVerifyRoutes: Routes = [
  { path: '', providers: [provideNzIconsPatch([CheckOutline, DownloadOutline, LockOutline, ReloadOutline, RollbackOutline])], component: ReportVerifyPage },
];
