import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({ errorOnUnknownElements: true, errorOnUnknownProperties: true });

// the app registers it at start (app.config.ts); ng-zorro's date pickers format with it.
// Loaded after the test environment, which brings Angular's compiler.
const { registerLocaleData } = require('@angular/common') as typeof import('@angular/common');
registerLocaleData((require('@angular/common/locales/zh') as { default: unknown }).default);
