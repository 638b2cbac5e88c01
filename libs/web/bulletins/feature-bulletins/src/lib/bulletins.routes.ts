import type { Routes } from '@angular/router';
import { BulletinsPage } from './bulletins-page';

export const bulletinsRoutes: Routes = [{ path: '', component: BulletinsPage }];
