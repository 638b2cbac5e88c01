import type { Routes } from '@angular/router';
import { PlusOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { ApiKeysPage } from './api-keys-page';

export const apiKeysRoutes: Routes = [{ path: '', component: ApiKeysPage, providers: [provideNzIconsPatch([PlusOutline, ReloadOutline])] }];
