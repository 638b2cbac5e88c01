import type { Routes } from '@angular/router';
import { authGuard, guestGuard } from '@zhaoshang/web/auth/data-access';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: '登录',
    canActivate: [guestGuard],
    loadComponent: () => import('@zhaoshang/web/auth/feature-login').then((m) => m.LoginPage),
  },
  {
    // every other page lives inside the shell (menu, header); see NAV_ENTRIES there
    path: '',
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    loadChildren: () => import('@zhaoshang/web/shell/feature').then((m) => m.shellRoutes),
  },
];
