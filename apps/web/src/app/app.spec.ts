import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type LoginResponse, type Role, siteOf } from '@zhaoshang/shared/domain';
import { SESSION_STORAGE_KEY, authInterceptor } from '@zhaoshang/web/auth/data-access';
import { SiteStore } from '@zhaoshang/web/shared/data-access';
import { NzI18nService } from 'ng-zorro-antd/i18n';
import { NzMessageService } from 'ng-zorro-antd/message';
import { appConfig } from './app.config';
import { appRoutes } from './app.routes';
import { ProductTitleStrategy } from './title-strategy';

async function start(role: Role | null) {
  localStorage.clear();
  if (role) {
    const session: LoginResponse = {
      accessToken: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u1', username: 'leader', displayName: '刘军', role, regionCode: null, regionName: null },
    };
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  }
  const warnings: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideRouter(appRoutes),
      { provide: TitleStrategy, useClass: ProductTitleStrategy },
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      { provide: NzMessageService, useValue: { warning: (text: string) => warnings.push(text), error: () => undefined } },
    ],
  });
  // the city comes from the regions data (GET /site): another city's instance is titled after it
  TestBed.inject(SiteStore).load().subscribe();
  TestBed.inject(HttpTestingController).expectOne('/api/v1/site').flush(siteOf({ code: '150400', name: '赤峰市', shortName: '赤峰' }));
  const harness = await RouterTestingHarness.create();
  return { harness, warnings, router: TestBed.inject(Router), title: TestBed.inject(Title) };
}

describe('app routes', () => {
  afterEach(() => TestBed.inject(HttpTestingController).match(() => true));

  it('sends a signed-out visitor to the login page and remembers the page', async () => {
    const { harness, router, title } = await start(null);
    await harness.navigateByUrl('/admin/users');
    expect(router.url).toBe('/login?returnUrl=%2Fadmin%2Fusers');
    expect(title.getTitle()).toBe('登录 - 赤峰市招商项目全流程跟踪');
  });

  it('keeps a leader out of user management with a message', async () => {
    const { harness, router, warnings } = await start('LEADER');
    await harness.navigateByUrl('/admin/users');
    // the 工作台 is not a leader's page: '/' sends them on to the 驾驶舱 (issue 13)
    expect(router.url).toBe('/dashboard');
    expect(warnings).toEqual(['您没有访问该页面的权限']);
  });

  it('opens user management for an admin, titled after the menu entry', async () => {
    const { harness, router, title } = await start('ADMIN');
    await harness.navigateByUrl('/admin/users');
    expect(router.url).toBe('/admin/users');
    expect(title.getTitle()).toBe('用户管理 - 赤峰市招商项目全流程跟踪');
  });

  it('sends a signed-in user away from the login page', async () => {
    const { harness, router } = await start('CITY_STAFF');
    await harness.navigateByUrl('/login?returnUrl=%2Fadmin%2Faudit');
    expect(router.url).toBe('/admin/audit');
  });

  it('speaks Chinese in ng-zorro without loading its i18n module up front', () => {
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
    const i18n = TestBed.inject(NzI18nService);
    expect(i18n.getLocale().locale).toBe('zh-cn');
    expect(i18n.translate('Pagination.items_per_page')).toBe('条/页');
  });
});

describe('a signed-in start', () => {
  afterEach(() => TestBed.inject(HttpTestingController).match(() => true));

  it('does not wait for GET /site; the tab title takes the city name when it arrives, not over a page\'s own title', async () => {
    localStorage.clear();
    const session: LoginResponse = {
      accessToken: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u1', username: 'admin1', displayName: '管理员', role: 'ADMIN', regionCode: null, regionName: null },
    };
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
    const harness = await RouterTestingHarness.create();
    const http = TestBed.inject(HttpTestingController);
    const site = http.expectOne('/api/v1/site');
    await harness.navigateByUrl('/admin/users');
    const title = TestBed.inject(Title);
    expect(title.getTitle()).toBe('用户管理 - 招商项目全流程跟踪');
    site.flush(siteOf({ code: '150400', name: '赤峰市', shortName: '赤峰' }));
    TestBed.tick();
    expect(title.getTitle()).toBe('用户管理 - 赤峰市招商项目全流程跟踪');
  });
});
