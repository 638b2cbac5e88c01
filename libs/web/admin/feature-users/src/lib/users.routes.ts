import type { Routes } from '@angular/router';
import { PlusOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { UsersPage } from './users-page';

export const usersRoutes: Routes = [{ path: '', component: UsersPage, providers: [provideNzIconsPatch([PlusOutline, ReloadOutline])] }];
