import type { Routes } from '@angular/router';
import { SearchOutline, SettingOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { AuditPage } from './audit-page';

export const auditRoutes: Routes = [{ path: '', component: AuditPage, providers: [provideNzIconsPatch([SearchOutline, SettingOutline])] }];
