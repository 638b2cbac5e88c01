import type { Routes } from '@angular/router';
import { CommitmentLedgerPage } from './ledger-page';

export const commitmentsRoutes: Routes = [{ path: '', component: CommitmentLedgerPage, title: '兑现台账' }];
