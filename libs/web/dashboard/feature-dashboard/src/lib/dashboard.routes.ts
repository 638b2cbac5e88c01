import type { Routes } from '@angular/router';
import { ArrowDownOutline, ArrowUpOutline, DownloadOutline, InfoCircleOutline, PrinterOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { DashboardPage } from './dashboard-page';

export const dashboardRoutes: Routes = [
  // the drill-down is a chunk of its own: the 驾驶舱's first load does not carry it
  { path: 'detail', loadComponent: () => import('./drill-page').then((m) => m.DrillPage), title: '指标明细' },
  { path: '', component: DashboardPage, title: '驾驶舱', providers: [provideNzIconsPatch([ArrowDownOutline, ArrowUpOutline, DownloadOutline, InfoCircleOutline, PrinterOutline])] },
];
