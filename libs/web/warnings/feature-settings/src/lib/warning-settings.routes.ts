import type { Routes } from '@angular/router';
import { unsavedChangesGuard } from '@zhaoshang/web/shared/ui';
import { WarningSettingsPage } from './warning-settings-page';

/** 预警设置 (issue 6): the shell's nav entry guards it with 'settings:manage'. */
export const warningSettingsRoutes: Routes = [{ path: '', title: '预警设置', component: WarningSettingsPage, canDeactivate: [unsavedChangesGuard] }];
