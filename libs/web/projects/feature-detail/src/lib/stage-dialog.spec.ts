import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ProjectDetailDto, ProjectStage, Role } from '@zhaoshang/shared/domain';
import { projectDetail as detail } from '@zhaoshang/web/projects/data-access/testing';
import { StageDialog } from './stage-dialog';

@Component({
  selector: 'zs-host',
  imports: [StageDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<zs-stage-dialog [project]="project()" [role]="role()" (saved)="saved.set($event)" (closed)="project.set(null)" (reload)="reloads.set(reloads() + 1)" />`,
})
class Host {
  readonly project = signal<ProjectDetailDto | null>(null);
  readonly role = signal<Role>('CITY_STAFF');
  readonly saved = signal<ProjectDetailDto | null>(null);
  readonly reloads = signal(0);
}

const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
const byTestId = (id: string) => overlay()?.querySelector<HTMLElement>(`[data-testid="${id}"]`) ?? null;

interface DialogInternals {
  form: StageDialog['form'];
  targets: () => ProjectStage[];
}

async function open(project: ProjectDetailDto, role: Role) {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.role.set(role);
  fixture.componentInstance.project.set(project);
  await fixture.whenStable();
  const dialog = fixture.debugElement.children[0].componentInstance as unknown as DialogInternals;
  const choose = async (to: ProjectStage) => {
    dialog.form.controls.to.setValue(to);
    await fixture.whenStable();
  };
  const submit = async () => {
    byTestId('stage-dialog-submit')?.click();
    await fixture.whenStable();
  };
  return { fixture, dialog, choose, submit, backend: TestBed.inject(HttpTestingController) };
}

describe('StageDialog', () => {
  afterEach(() => overlay()?.replaceChildren());

  it('asks a forward move for the date of the target only, checks it, then sends it', async () => {
    const { fixture, choose, submit, backend } = await open(detail({ stage: 'SIGNED' }), 'DISTRICT_STAFF');
    await choose('UNDER_CONSTRUCTION');
    expect(byTestId('stage-dialog-date')).not.toBeNull();
    expect(byTestId('stage-dialog-date-signedAt')).toBeNull();
    expect(byTestId('stage-dialog-reason')).toBeNull();

    await submit();
    backend.expectNone('/api/v1/projects/p1/stage');
    expect(overlay().textContent).toContain('项目处于“开工在建”阶段，必须填写开工日期');

    const dialog = fixture.debugElement.children[0].componentInstance as unknown as DialogInternals;
    dialog.form.controls.constructionStartedAt.setValue(new Date(2025, 5, 1));
    await submit();
    const request = backend.expectOne('/api/v1/projects/p1/stage');
    expect(request.request.body).toEqual({ to: 'UNDER_CONSTRUCTION', dates: { constructionStartedAt: '2025-06-01' }, version: 5 });
    request.flush(detail({ stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-06-01', version: 6 }));
    await fixture.whenStable();
    expect(fixture.componentInstance.saved()?.version).toBe(6);
    expect(fixture.componentInstance.project()).toBeNull();
  });

  it('shows a district user why a start dated in a closed month is refused (409 PERIOD_CLOSED), with no reason box', async () => {
    const { fixture, dialog, choose, submit, backend } = await open(detail({ stage: 'SIGNED' }), 'DISTRICT_STAFF');
    await choose('UNDER_CONSTRUCTION');
    dialog.form.controls.constructionStartedAt.setValue(new Date(2025, 2, 20));
    await submit();
    const message = '2025年3月已月结，修改开工日期会改变该月已发布的数据；如需更正请联系市级招商人员';
    backend
      .expectOne('/api/v1/projects/p1/stage')
      .flush({ statusCode: 409, error: 'PERIOD_CLOSED', message, details: [{ field: 'constructionStartedAt', message: '修改开工日期会改变已月结的2025年3月的数据' }] }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(byTestId('stage-dialog-period-closed')?.textContent).toContain(message);
    expect(byTestId('stage-dialog-correction-reason')).toBeNull();
    expect(byTestId('version-conflict-reload')).toBeNull();
    expect(fixture.componentInstance.project()).not.toBeNull();
  });

  it('asks a city user for the correction reason and sends it as reason', async () => {
    const { fixture, dialog, choose, submit, backend } = await open(detail({ stage: 'SIGNED' }), 'CITY_STAFF');
    await choose('UNDER_CONSTRUCTION');
    dialog.form.controls.constructionStartedAt.setValue(new Date(2025, 2, 20));
    await submit();
    backend.expectOne('/api/v1/projects/p1/stage').flush(
      {
        statusCode: 409,
        error: 'PERIOD_CLOSED',
        message: '2025年3月已月结，修改开工日期会改变该月已发布的数据，属于更正：请填写更正原因后重新提交',
        details: [{ field: 'reason', message: '更正已月结月份的数据必须填写更正原因' }, { field: 'constructionStartedAt', message: '修改开工日期会改变已月结的2025年3月的数据' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(byTestId('stage-dialog-correction-reason')).not.toBeNull();
    await submit();
    backend.expectNone('/api/v1/projects/p1/stage');
    dialog.form.controls.correctionReason.setValue('漏报开工');
    await submit();
    expect(backend.expectOne('/api/v1/projects/p1/stage').request.body).toEqual({
      to: 'UNDER_CONSTRUCTION',
      dates: { constructionStartedAt: '2025-03-20' },
      reason: '漏报开工',
      version: 5,
    });
  });

  it('asks for the signing date as well when a negotiating project jumps ahead', async () => {
    const { choose } = await open(detail({ stage: 'NEGOTIATING', signedAt: null }), 'CITY_STAFF');
    await choose('REGISTERED');
    expect(byTestId('stage-dialog-date')).not.toBeNull();
    expect(byTestId('stage-dialog-date-signedAt')).not.toBeNull();
  });

  it('asks a termination for its date and reason', async () => {
    const { choose, submit, backend } = await open(detail(), 'DISTRICT_STAFF');
    await choose('TERMINATED');
    expect(byTestId('stage-dialog-date')).not.toBeNull();
    expect(overlay().querySelector('label[for="stage-reason"]')?.textContent).toContain('终止原因');
    await submit();
    backend.expectNone('/api/v1/projects/p1/stage');
    expect(overlay().textContent).toContain('必须填写终止日期');
  });

  it('explains a correction, asks for its reason, and sends it as reason', async () => {
    const { fixture, dialog, choose, submit, backend } = await open(detail({ stage: 'REGISTERED', registeredAt: '2025-02-01' }), 'CITY_STAFF');
    expect(dialog.targets()).toContain('SIGNED');
    await choose('SIGNED');
    expect(byTestId('stage-dialog-correction-note')?.textContent).toContain('只有市级人员或管理员可以操作');
    expect(byTestId('stage-dialog-date')).toBeNull();
    expect(overlay().querySelector('label[for="stage-reason"]')?.textContent).toContain('更正原因');

    await submit();
    expect(overlay().textContent).toContain('退回阶段（更正）必须填写原因');
    backend.expectNone('/api/v1/projects/p1/stage');

    dialog.form.controls.reason.setValue('注册信息录入有误');
    await submit();
    const request = backend.expectOne('/api/v1/projects/p1/stage');
    expect(request.request.body).toEqual({ to: 'SIGNED', dates: {}, reason: '注册信息录入有误', version: 5 });
    request.flush(
      { statusCode: 409, error: 'VERSION_CONFLICT', message: '该项目已被他人修改，请重新加载后再操作' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(byTestId('stage-dialog-conflict')?.textContent).toContain('该项目已被他人修改');
    byTestId('version-conflict-reload')?.click();
    expect(fixture.componentInstance.reloads()).toBe(1);
  });

  it('shows district staff no backward targets, and a terminated project none at all', async () => {
    const { fixture, dialog } = await open(detail({ stage: 'REGISTERED', registeredAt: '2025-02-01' }), 'DISTRICT_STAFF');
    expect(dialog.targets()).toEqual(['UNDER_CONSTRUCTION', 'IN_PRODUCTION', 'TERMINATED']);

    fixture.componentInstance.project.set(detail({ stage: 'TERMINATED', terminatedAt: '2025-03-01', terminationReason: '撤资' }));
    await fixture.whenStable();
    expect(dialog.targets()).toEqual([]);
    expect(overlay().textContent).toContain('已终止的项目只能由市级人员或管理员更正');
    expect(byTestId('stage-dialog-target')).toBeNull();
  });
});
