import type { Routes } from '@angular/router';
import { PlusOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { ResponsibilityPage } from './responsibility-page';

export const responsibilityRoutes: Routes = [{ path: '', component: ResponsibilityPage, providers: [provideNzIconsPatch([PlusOutline, ReloadOutline])] }];
