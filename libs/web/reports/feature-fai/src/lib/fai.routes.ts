import type { Routes } from '@angular/router';
import { SaveOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { FaiPage } from './fai-page';

export const faiRoutes: Routes = [{ path: '', component: FaiPage, providers: [provideNzIconsPatch([SaveOutline])] }];
