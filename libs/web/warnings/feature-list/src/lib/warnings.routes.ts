import type { Routes } from '@angular/router';
import { WarningListPage } from './warning-list-page';

/** 项目预警 (issue 6): the day's warnings; the shell's nav entry guards it with 'warnings:read'. */
export const warningsRoutes: Routes = [{ path: '', title: '项目预警', component: WarningListPage }];
