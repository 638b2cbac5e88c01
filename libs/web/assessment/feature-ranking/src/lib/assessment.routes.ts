import type { Routes } from '@angular/router';
import { RankingPage } from './ranking-page';

export const assessmentRoutes: Routes = [{ path: '', component: RankingPage }];
