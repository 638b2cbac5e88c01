import type { Routes } from '@angular/router';
import { ReconciliationPage } from './reconciliation-page';

export const reconciliationRoutes: Routes = [{ path: '', component: ReconciliationPage, title: '统计对账' }];
