import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { LookAlikeCandidate, ProjectDetailDto, Role } from '@zhaoshang/shared/domain';
import { storeTestSession } from '@zhaoshang/web/auth/data-access/testing';
import { projectDetail } from '@zhaoshang/web/projects/data-access/testing';
import { ProjectFormPage } from './project-form-page';

// the edit form's project: 新能源 as the industry's short name, not a key project, version 3
const project: ProjectDetailDto = projectDetail({ industryName: '新能源', isKeyProject: false, version: 3 });

const candidate: LookAlikeCandidate = {
  id: 'p9',
  projectNo: '150525-2024-0003',
  name: '奈曼旗风电项目',
  regionCode: '150525',
  regionName: '奈曼旗',
  industryCode: 'NE',
  industryName: '新能源',
  investorName: '内蒙古某新能源有限公司',
  investorOrigin: 'OUT_OF_REGION',
  contractAmountWan: '200000.00',
  stage: 'UNDER_CONSTRUCTION',
  signedAt: '2024-05-01',
  isKeyProject: false,
  parentProjectNo: null,
  updatedAt: '2024-06-01T00:00:00Z',
  reasons: ['SAME_NAME_IN_REGION'],
};

async function open(url: string, role: Role = 'CITY_STAFF', regionCode: string | null = null) {
  storeTestSession(role, { displayName: '孙丽', regionCode, regionName: regionCode ? '奈曼旗' : null });
  TestBed.configureTestingModule({
    providers: [
      provideRouter(
        [
          { path: 'projects/new', component: ProjectFormPage },
          { path: 'projects/:id/edit', component: ProjectFormPage },
          { path: 'projects/:id', children: [] },
        ],
        withComponentInputBinding(),
      ),
      provideHttpClient(),
      provideHttpClientTesting(),
    ],
  });
  const harness = await RouterTestingHarness.create(url);
  const backend = TestBed.inject(HttpTestingController);
  backend.match('/api/v1/regions').forEach((r) => r.flush([{ code: '150525', name: '奈曼旗', shortName: '奈曼', parentCode: '150500', sortOrder: 6 }]));
  backend.match('/api/v1/industries').forEach((r) => r.flush([{ code: 'NE', name: '新能源', sortOrder: 1, active: true, version: 1 }]));
  const page = harness.routeDebugElement?.componentInstance as ProjectFormPage;
  const form = (page as unknown as { form: ProjectFormPage['form'] }).form;
  const el = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const submit = async () => {
    byTestId('project-form-submit')?.click();
    await harness.fixture.whenStable();
  };
  return { harness, backend, form, el, byTestId, submit, page };
}

function fill(form: ProjectFormPage['form']): void {
  form.patchValue({
    name: '奈曼旗风电项目',
    regionCode: '150525',
    industryCode: 'NE',
    investorName: '内蒙古某新能源有限公司',
    investorOrigin: 'OUT_OF_REGION',
    contractAmountWan: '80000',
    signedAt: new Date(2025, 5, 1),
  });
}

describe('ProjectFormPage', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).match(() => true);
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
    localStorage.clear();
  });

  it('shows the look-alikes when the API refuses a duplicate, and creates on 「仍然创建」', async () => {
    const { harness, backend, form, byTestId, submit } = await open('/projects/new');
    fill(form);
    await submit();
    backend.expectOne({ method: 'POST', url: '/api/v1/projects' }).flush(
      { statusCode: 409, error: 'LOOK_ALIKE', message: '发现疑似重复项目', details: [{ field: 'name', message: '奈曼旗风电项目（150525-2024-0003）' }] },
      { status: 409, statusText: 'Conflict' },
    );
    const query = backend.expectOne({ method: 'POST', url: '/api/v1/projects/look-alikes' });
    expect(query.request.body).toEqual({ name: '奈曼旗风电项目', regionCode: '150525', investorUscc: null, excludeProjectNo: null });
    query.flush([candidate]);
    await harness.fixture.whenStable();

    expect(byTestId('look-alike-dialog')?.textContent).toContain('150525-2024-0003');
    expect(byTestId('look-alike-dialog')?.textContent).toContain('同地区同名');
    byTestId('look-alike-confirm')?.click();
    await harness.fixture.whenStable();
    const again = backend.expectOne({ method: 'POST', url: '/api/v1/projects' });
    expect(again.request.body).toMatchObject({ name: '奈曼旗风电项目', confirmLookAlike: true });
    again.flush({ ...project, id: 'p2' });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/projects/p2');
  });

  it('knows when typing is not saved yet, and asks the browser before the tab closes', async () => {
    const { page, form } = await open('/projects/new');
    expect(page.hasUnsavedChanges()).toBe(false);
    form.controls.name.setValue('新项目');
    form.markAsDirty();
    expect(page.hasUnsavedChanges()).toBe(true);
    const event = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    form.markAsPristine();
    expect(page.hasUnsavedChanges()).toBe(false);
  });

  it('goes back to the form on 「取消」 without creating', async () => {
    const { harness, backend, form, byTestId, submit } = await open('/projects/new');
    fill(form);
    await submit();
    backend.expectOne('/api/v1/projects').flush({ statusCode: 409, error: 'LOOK_ALIKE', message: '疑似重复' }, { status: 409, statusText: 'Conflict' });
    backend.expectOne('/api/v1/projects/look-alikes').flush([candidate]);
    await harness.fixture.whenStable();
    byTestId('look-alike-cancel')?.click();
    await harness.fixture.whenStable();
    backend.expectNone({ method: 'POST', url: '/api/v1/projects' });
    expect(TestBed.inject(Router).url).toBe('/projects/new');
    expect(form.controls.name.value).toBe('奈曼旗风电项目');
  });

  it("puts the API's field messages under the fields", async () => {
    const { harness, backend, form, el, submit } = await open('/projects/new');
    fill(form);
    await submit();
    backend.expectOne('/api/v1/projects').flush(
      { statusCode: 400, error: 'VALIDATION_FAILED', message: '提交的数据有误', details: [{ field: 'industryCode', message: '产业类别 XX 不存在或已停用' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(form.controls.industryCode.errors).toEqual({ server: '产业类别 XX 不存在或已停用' });
    expect(el().textContent).toContain('产业类别 XX 不存在或已停用');
  });

  it('fixes a district user’s region to their own', async () => {
    const { form } = await open('/projects/new', 'DISTRICT_STAFF', '150525');
    expect(form.controls.regionCode.value).toBe('150525');
    expect(form.controls.regionCode.disabled).toBe(true);
  });

  it('offers to reload after a version conflict, and then holds nothing stale', async () => {
    const { harness, backend, form, byTestId, submit } = await open('/projects/p1/edit');
    backend.expectOne('/api/v1/projects/p1').flush(project);
    await harness.fixture.whenStable();
    expect(form.controls.name.value).toBe(project.name);

    form.controls.contractAmountWan.setValue('360000');
    await submit();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/v1/projects/p1' });
    expect(patch.request.body).toMatchObject({ contractAmountWan: '360000', version: 3 });
    patch.flush({ statusCode: 409, error: 'VERSION_CONFLICT', message: '该项目已被他人修改' }, { status: 409, statusText: 'Conflict' });
    await harness.fixture.whenStable();
    expect(byTestId('project-form-conflict')?.textContent).toContain('该项目已被他人修改');
    expect((byTestId('project-form-submit') as HTMLButtonElement).disabled).toBe(true);

    byTestId('version-conflict-reload')?.click();
    backend.expectOne('/api/v1/projects/p1').flush({ ...project, contractAmountWan: '400000.00', version: 4 });
    await harness.fixture.whenStable();
    expect(form.controls.contractAmountWan.value).toBe('400000.00');
    expect(byTestId('project-form-conflict')).toBeNull();

    await submit();
    expect(backend.expectOne({ method: 'PATCH', url: '/api/v1/projects/p1' }).request.body).toMatchObject({ contractAmountWan: '400000.00', version: 4 });
  });

  describe('a change that alters a closed month (409 PERIOD_CLOSED)', () => {
    const message = '2025年3月已月结，修改签约日期会改变该月已发布的数据；如需更正请联系市级招商人员';

    it('tells a district user why, at the field, without a reason box or the reload banner', async () => {
      const { harness, backend, form, byTestId, submit } = await open('/projects/p1/edit', 'DISTRICT_STAFF', '150525');
      backend.expectOne('/api/v1/projects/p1').flush(project);
      await harness.fixture.whenStable();
      form.controls.signedAt.setValue(new Date(2025, 4, 10));
      await submit();
      backend
        .expectOne({ method: 'PATCH', url: '/api/v1/projects/p1' })
        .flush({ statusCode: 409, error: 'PERIOD_CLOSED', message, details: [{ field: 'signedAt', message: '修改签约日期会改变已月结的2025年3月的数据' }] }, { status: 409, statusText: 'Conflict' });
      await harness.fixture.whenStable();
      expect(byTestId('project-form-period-closed')?.textContent).toContain(message);
      expect(byTestId('project-form-correction-reason')).toBeNull();
      expect(byTestId('project-form-conflict')).toBeNull();
      expect(byTestId('project-form-error')).toBeNull();
      expect(form.controls.signedAt.errors?.['server']).toBe('修改签约日期会改变已月结的2025年3月的数据');
    });

    it('asks a city user for the reason and sends the change again with it', async () => {
      const { harness, backend, form, byTestId, submit } = await open('/projects/p1/edit', 'CITY_STAFF');
      backend.expectOne('/api/v1/projects/p1').flush(project);
      await harness.fixture.whenStable();
      form.controls.signedAt.setValue(new Date(2025, 4, 10));
      await submit();
      backend.expectOne({ method: 'PATCH', url: '/api/v1/projects/p1' }).flush(
        {
          statusCode: 409,
          error: 'PERIOD_CLOSED',
          message: '2025年3月已月结，修改签约日期会改变该月已发布的数据，属于更正：请填写更正原因后重新提交',
          details: [{ field: 'correctionReason', message: '更正已月结月份的数据必须填写更正原因' }, { field: 'signedAt', message: '修改签约日期会改变已月结的2025年3月的数据' }],
        },
        { status: 409, statusText: 'Conflict' },
      );
      await harness.fixture.whenStable();
      expect(byTestId('project-form-period-closed')?.textContent).toContain('属于更正');
      expect(byTestId('project-form-submit')?.textContent).toContain('提交更正');

      // no reason, no request
      await submit();
      backend.expectNone({ method: 'PATCH', url: '/api/v1/projects/p1' });

      const reason = byTestId('project-form-correction-reason') as HTMLTextAreaElement;
      reason.value = '合同实际签订日期为5月10日';
      reason.dispatchEvent(new Event('input'));
      // the date stays as typed: for city staff the change stands (a correction), nothing is marked to undo
      expect(form.controls.signedAt.valid).toBe(true);
      await submit();
      const again = backend.expectOne({ method: 'PATCH', url: '/api/v1/projects/p1' });
      expect(again.request.body).toMatchObject({ signedAt: '2025-05-10', correctionReason: '合同实际签订日期为5月10日', version: 3 });
    });
  });

  it('does not send the long form on Enter in a field; Ctrl+Enter sends it', async () => {
    const { harness, backend, form, byTestId } = await open('/projects/new');
    fill(form);
    await harness.fixture.whenStable();
    const name = byTestId('project-form-name') as HTMLInputElement;
    // a browser sends a form on Enter unless the keydown is cancelled (jsdom does not, so look at the event)
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    name.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    const notes = byTestId('project-form-notes') as HTMLTextAreaElement;
    const newLine = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    notes.dispatchEvent(newLine);
    expect(newLine.defaultPrevented).toBe(false);
    backend.expectNone({ method: 'POST', url: '/api/v1/projects' });

    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    await harness.fixture.whenStable();
    backend.expectOne({ method: 'POST', url: '/api/v1/projects' });
  });
});
