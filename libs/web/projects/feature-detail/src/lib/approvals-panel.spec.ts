import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ProjectDetailDto } from '@zhaoshang/shared/domain';
import { projectDetail as detail } from '@zhaoshang/web/projects/data-access/testing';
import { ApprovalsPanel } from './approvals-panel';
import type { ApprovalsForm } from './approvals-form';

@Component({
  selector: 'zs-host',
  imports: [ApprovalsPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<zs-approvals-panel [project]="project()" [editable]="editable()" (saved)="project.set($event)" />`,
})
class Host {
  readonly project = signal<ProjectDetailDto>(
    detail({
      approvals: [
        { kind: 'FILING', status: 'DONE', doneAt: '2025-01-10' },
        { kind: 'LAND', status: 'DONE', doneAt: '2025-02-10' },
        { kind: 'PLANNING', status: 'NOT_REQUIRED', doneAt: null },
        { kind: 'ENVIRONMENT', status: 'IN_PROGRESS', doneAt: null },
        { kind: 'ENERGY', status: 'NOT_REQUIRED', doneAt: null },
        { kind: 'CONSTRUCTION', status: 'DONE', doneAt: '2025-03-01' },
      ],
    }),
  );
  readonly editable = signal(true);
}

async function setup() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const panel = fixture.debugElement.children[0].componentInstance as unknown as { form: () => ApprovalsForm };
  const el = fixture.nativeElement as HTMLElement;
  const row = (i: number) => panel.form().controls.rows.controls[i];
  return { fixture, panel, el, row, backend: TestBed.inject(HttpTestingController) };
}

describe('ApprovalsPanel', () => {
  it('derives 手续办结 from the rows as they are edited, and needs a date for a done one', async () => {
    const { fixture, el, row, backend } = await setup();
    expect(el.querySelector('[data-testid="approvals-complete"]')?.textContent).toContain('手续未办结，待办 1 项');

    row(3).controls.status.setValue('DONE');
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="approvals-complete"]')?.textContent).toContain('手续办结');
    (el.querySelector('[data-testid="approvals-save"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    backend.expectNone('/api/v1/projects/p1/approvals');
    expect(el.textContent).toContain('已办结的手续须填写办结日期');

    row(3).controls.doneAt.setValue(new Date(2025, 5, 1));
    await fixture.whenStable();
    (el.querySelector('[data-testid="approvals-save"]') as HTMLButtonElement).click();
    const put = backend.expectOne('/api/v1/projects/p1/approvals');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body.version).toBe(5);
    expect(put.request.body.items[3]).toEqual({ kind: 'ENVIRONMENT', status: 'DONE', doneAt: '2025-06-01' });
    expect(put.request.body.items[2]).toEqual({ kind: 'PLANNING', status: 'NOT_REQUIRED', doneAt: null });
    put.flush(
      { statusCode: 400, error: 'VALIDATION_FAILED', message: '手续有误', details: [{ field: 'items.3.doneAt', message: '办结日期不能早于签约日期' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(row(3).controls.doneAt.errors).toEqual({ server: '办结日期不能早于签约日期' });
  });

  it('only shows the checklist to those who may not edit it', async () => {
    const { fixture, el } = await setup();
    fixture.componentInstance.editable.set(false);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="approvals-save"]')).toBeNull();
    expect(el.querySelector('nz-select')).toBeNull();
    expect(el.querySelector('[data-kind="LAND"]')?.textContent).toContain('2025-02-10');
  });
});
