import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { registerLocaleData } from '@angular/common';
import zh from '@angular/common/locales/zh';

setupZonelessTestEnv({ errorOnUnknownElements: true, errorOnUnknownProperties: true });
// the month pickers format with the app's locale (app.config registers it)
registerLocaleData(zh, 'zh-cn');
