import type { Routes } from '@angular/router';
import { DownloadOutline, SaveOutline } from '@ant-design/icons-angular/icons';
import { unsavedChangesGuard } from '@zhaoshang/web/shared/ui';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { TargetsPage } from './targets-page';

export const targetsRoutes: Routes = [{ path: '', component: TargetsPage, canDeactivate: [unsavedChangesGuard], providers: [provideNzIconsPatch([SaveOutline, DownloadOutline])] }];
