import type { Routes } from '@angular/router';
import { DownloadOutline, FileExcelOutline, InboxOutline } from '@ant-design/icons-angular/icons';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { ImportPage } from './import-page';

export const importsRoutes: Routes = [{ path: '', component: ImportPage, providers: [provideNzIconsPatch([DownloadOutline, FileExcelOutline, InboxOutline])] }];
