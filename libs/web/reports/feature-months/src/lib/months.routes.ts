import type { Routes } from '@angular/router';
import { ReloadOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { MonthsPage } from './months-page';

export const monthsRoutes: Routes = [{ path: '', component: MonthsPage, providers: [provideNzIconsPatch([ReloadOutline])] }];
