import type { Routes } from '@angular/router';
import { ArrowDownOutline, ArrowUpOutline, DownloadOutline, InfoCircleOutline, PrinterOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { DashboardPage } from './dashboard-page';

export const dashboardRoutes: Routes = [
  { path: '', component: DashboardPage, title: '驾驶舱', providers: [provideNzIconsPatch([ArrowDownOutline, ArrowUpOutline, DownloadOutline, InfoCircleOutline, PrinterOutline])] },
];
