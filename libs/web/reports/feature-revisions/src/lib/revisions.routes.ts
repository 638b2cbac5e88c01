import type { Routes } from '@angular/router';
import { RevisionsPage } from './revisions-page';

export const revisionsRoutes: Routes = [{ path: '', component: RevisionsPage }];
