import type { Route, Routes } from '@angular/router';
import { capabilityGuard } from '@zhaoshang/web/auth/data-access';
import { ShellLayout } from './layout/shell-layout';
import { NAV_ENTRIES, type NavEntry } from './nav';

export function navRoute(entry: NavEntry): Route {
  return {
    path: entry.route,
    ...(entry.route === '' ? { pathMatch: 'full' as const } : {}),
    title: entry.label,
    canActivate: [capabilityGuard(entry.capability, entry.otherwise)],
    loadChildren: entry.load,
  };
}

/** The signed-in app: the layout around every page of the menu. */
export const shellRoutes: Routes = [
  {
    path: '',
    component: ShellLayout,
    children: [...NAV_ENTRIES.map(navRoute), { path: '**', redirectTo: '' }],
  },
];
