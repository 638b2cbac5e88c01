import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DEFAULT_WARNING_SETTINGS, WARNING_SETTING_FIELDS } from '@zhaoshang/shared/domain';
import { draftOf, fieldKey, problemsByField, sameDraft, settingsOf } from './settings-form';
import { SETTINGS_CONFLICT_MESSAGE, type WarningSettingsPage } from './warning-settings-page';
import { warningSettingsRoutes } from './warning-settings.routes';

describe('the settings form', () => {
  it('turns settings into a draft and back, and maps API field paths to its keys', () => {
    const draft = draftOf(DEFAULT_WARNING_SETTINGS);
    expect(Object.keys(draft)).toHaveLength(WARNING_SETTING_FIELDS.length);
    expect(draft['START.yellowMonthsAfterSigning']).toBe(6);
    expect(settingsOf(draft)).toEqual(DEFAULT_WARNING_SETTINGS);
    expect(sameDraft(draft, { ...draft })).toBe(true);
    expect(sameDraft(draft, { ...draft, 'REPORT.yellowDay': 11 })).toBe(false);
    expect(problemsByField([{ field: 'settings.REPORT.yellowDay', message: 'a' }, { field: 'settings.REPORT.yellowDay', message: 'b' }])).toEqual({ 'REPORT.yellowDay': 'a' });
  });
});

describe('WarningSettingsPage', () => {
  async function open() {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'settings', children: warningSettingsRoutes }]), provideHttpClient(), provideHttpClientTesting()] });
    const harness = await RouterTestingHarness.create('/settings');
    const backend = TestBed.inject(HttpTestingController);
    const el = () => harness.routeNativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      harness.fixture.detectChanges();
    };
    const page = harness.routeDebugElement?.componentInstance as WarningSettingsPage & Record<string, unknown>;
    const edit = (field: unknown, value: number) => (page['edit'] as (f: unknown, v: number) => void).call(page, field, value);
    const load = async (version: number) => {
      backend.expectOne('/api/v1/settings/warnings').flush({ settings: DEFAULT_WARNING_SETTINGS, version });
      await settle();
    };
    /** the first threshold changed and 保存 pressed: the PUT it sends */
    const changeAndSave = async () => {
      edit(WARNING_SETTING_FIELDS[0], 1);
      await settle();
      (el().querySelector('[data-testid="settings-save"]') as HTMLButtonElement).click();
      return backend.expectOne((r) => r.method === 'PUT');
    };
    return { harness, backend, el, settle, page, edit, load, changeAndSave };
  }
  afterEach(() => TestBed.inject(HttpTestingController).match(() => true));

  it('shows the thresholds with their defaults and explanations, and refuses red below yellow before saving', async () => {
    const { backend, el, settle, edit, load } = await open();
    await load(0);
    // six rules since POLICY (issue 15)
    expect(el().querySelectorAll('nz-card')).toHaveLength(6);
    expect(el().textContent).toContain('超过兑现期限后转红色');
    expect(el().textContent).toContain('未按期开工');
    expect(el().textContent).toContain('问题超期未解决');
    expect(el().textContent).toContain('超过办理时限后转红色');
    expect(el().textContent).toContain('默认 6');
    expect(el().textContent).toContain('当前版本 0（从未修改，使用默认值）');
    const save = el().querySelector('[data-testid="settings-save"]') as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    const field = WARNING_SETTING_FIELDS.find((f) => fieldKey(f) === 'START.redMonthsAfterSigning');
    edit(field, 3);
    await settle();
    expect(el().querySelector('[role="alert"]')?.textContent).toContain('未按期开工：签约后转红色（3）不能小于签约后转黄色（6）');
    expect(save.disabled).toBe(true);

    edit(field, 18);
    await settle();
    expect(save.disabled).toBe(false);
    save.click();
    const put = backend.expectOne('/api/v1/settings/warnings');
    expect(put.request.body).toEqual({ settings: { ...DEFAULT_WARNING_SETTINGS, START: { ...DEFAULT_WARNING_SETTINGS.START, redMonthsAfterSigning: 18 } }, version: 0 });
    put.flush({ settings: put.request.body.settings, version: 1 });
    await settle();
    expect(el().textContent).toContain('当前版本 1');
    expect(save.disabled).toBe(true);
  });

  it('says when someone else saved first and reloads their settings', async () => {
    const { backend, el, settle, page, load, changeAndSave } = await open();
    await load(2);
    (await changeAndSave()).flush(
      { statusCode: 409, error: 'VERSION_CONFLICT', message: '该预警设置已被他人修改', details: [{ field: 'version', message: '当前版本为 3' }] },
      { status: 409, statusText: 'Conflict' },
    );
    const changed = { ...DEFAULT_WARNING_SETTINGS, FUNDS: { yellowMonths: 2, redMonths: 4 } };
    backend.expectOne((r) => r.method === 'GET').flush({ settings: changed, version: 3 });
    await settle();
    expect(el().querySelector('[data-testid="settings-conflict"]')?.textContent).toContain(SETTINGS_CONFLICT_MESSAGE);
    expect(el().textContent).toContain('当前版本 3');
    expect(page.hasUnsavedChanges()).toBe(false);
  });

  it('shows the API’s message beside the field it names', async () => {
    const { el, settle, load, changeAndSave } = await open();
    await load(0);
    (await changeAndSave()).flush(
      { statusCode: 400, error: 'VALIDATION_FAILED', message: '请求参数有误：服务端说不行', details: [{ field: 'settings.START.yellowMonthsAfterPlan', message: '服务端说不行' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(el().querySelector('[data-testid="settings-error"]')?.textContent).toContain('服务端说不行');
    expect(el().querySelector('.field--error .field__error')?.textContent).toContain('服务端说不行');
  });
});
