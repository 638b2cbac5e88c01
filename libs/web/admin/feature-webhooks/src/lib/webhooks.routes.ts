import type { Routes } from '@angular/router';
import { CopyOutline, PlusOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { WebhooksPage } from './webhooks-page';

export const webhooksRoutes: Routes = [{ path: '', component: WebhooksPage, providers: [provideNzIconsPatch([PlusOutline, ReloadOutline, CopyOutline])] }];
