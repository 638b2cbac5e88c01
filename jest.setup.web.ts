// The set-up of every web library's tests when they run together (jest.web.config.cts): the zoneless
// test environment all their test-setup.ts files start, and the Chinese locale data some register
// (under 'zh' and 'zh-cn', as app.config.ts does at start; registering changes no default).
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { registerLocaleData } from '@angular/common';
import zh from '@angular/common/locales/zh';

setupZonelessTestEnv({ errorOnUnknownElements: true, errorOnUnknownProperties: true });
registerLocaleData(zh);
registerLocaleData(zh, 'zh-cn');
