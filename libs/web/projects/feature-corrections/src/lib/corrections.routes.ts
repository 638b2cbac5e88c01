import type { Routes } from '@angular/router';
import { CorrectionsPage } from './corrections-page';

/** 更正记录 (issue 11, DOMAIN.md §5): the shell's nav entry guards it with 'projects:read'. */
export const correctionsRoutes: Routes = [{ path: '', title: '更正记录', component: CorrectionsPage }];
