import type { Routes } from '@angular/router';
import { PlusOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { IndustriesPage } from './industries-page';

export const industriesRoutes: Routes = [{ path: '', component: IndustriesPage, providers: [provideNzIconsPatch([PlusOutline, ReloadOutline])] }];
