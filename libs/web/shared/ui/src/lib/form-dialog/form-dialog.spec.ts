import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import type { ApiErrorBody } from '@zhaoshang/shared/domain';
import { saveAction } from '@zhaoshang/web/shared/util';
import { Subject, throwError } from 'rxjs';
import { serverErrorsOn } from '../form-errors';
import { FormDialog } from './form-dialog';

@Component({
  selector: 'zs-host',
  imports: [FormDialog, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="open()"
      title="编辑产业类别"
      [action]="saver"
      [formId]="formId()"
      submitText="保存"
      testId="demo"
      (cancelled)="cancels.set(cancels() + 1)"
      (submitted)="clicks.set(clicks() + 1)"
      (reload)="reloads.set(reloads() + 1)"
    >
      <p zsDialogIntro data-testid="intro">说明</p>
      <form [formGroup]="form" id="demo-form" (ngSubmit)="sends.set(sends() + 1)">
        <input formControlName="name" data-testid="name" />
      </form>
    </zs-form-dialog>
  `,
})
class Host {
  readonly open = signal(true);
  readonly formId = signal<string | null>('demo-form');
  readonly saver = saveAction();
  readonly form = new FormGroup({ name: new FormControl('') });
  readonly cancels = signal(0);
  readonly clicks = signal(0);
  readonly sends = signal(0);
  readonly reloads = signal(0);
}

const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
const byTestId = (id: string) => overlay()?.querySelector<HTMLElement>(`[data-testid="${id}"]`) ?? null;

function apiError(status: number, body: ApiErrorBody): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body });
}

async function setup() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  return { fixture, host: fixture.componentInstance };
}

describe('FormDialog', () => {
  afterEach(() => overlay()?.replaceChildren());

  it('shows the title, the body with its intro above the alerts, and the footer', async () => {
    const { fixture, host } = await setup();
    expect(overlay().querySelector('.ant-modal-title')?.textContent).toContain('编辑产业类别');
    expect(byTestId('name')).not.toBeNull();
    host.saver.error.set('请先更正');
    await fixture.whenStable();
    const intro = byTestId('intro') as HTMLElement;
    const alert = byTestId('demo-error') as HTMLElement;
    expect(alert.textContent).toContain('请先更正');
    expect(intro.compareDocumentPosition(alert) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    byTestId('demo-cancel')?.click();
    expect(host.cancels()).toBe(1);
  });

  it('shows the body again when opened a second time', async () => {
    const { fixture, host } = await setup();
    host.open.set(false);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 400));
    host.open.set(true);
    await fixture.whenStable();
    expect(byTestId('name')).not.toBeNull();
    expect(byTestId('intro')?.isConnected).toBe(true);
  });

  it('submits the projected form by its id, or emits when there is none', async () => {
    const { fixture, host } = await setup();
    const submit = byTestId('demo-submit') as HTMLButtonElement;
    expect(submit.getAttribute('type')).toBe('submit');
    expect(submit.getAttribute('form')).toBe('demo-form');
    expect(submit.textContent?.trim()).toBe('保存');

    host.formId.set(null);
    await fixture.whenStable();
    submit.click();
    expect(host.clicks()).toBe(1);
    expect(submit.getAttribute('type')).toBe('button');
  });

  it('focuses the first field of a form, else the submit button, never the × (Enter confirms, issue 13)', async () => {
    const { fixture, host } = await setup();
    const submit = byTestId('demo-submit') as HTMLButtonElement;
    const body = overlay().querySelector('.zs-dialog-body') as HTMLElement;
    expect(body.hasAttribute('cdkFocusInitial')).toBe(true);
    expect(submit.hasAttribute('cdkFocusInitial')).toBe(false);
    host.formId.set(null);
    await fixture.whenStable();
    expect(submit.hasAttribute('cdkFocusInitial')).toBe(true);
    expect(body.hasAttribute('cdkFocusInitial')).toBe(false);
    expect(overlay().querySelectorAll('[cdkFocusInitial]')).toHaveLength(1);
  });

  it('spins while saving', async () => {
    const { fixture, host } = await setup();
    const answer = new Subject<void>();
    host.saver.run(answer);
    await fixture.whenStable();
    expect(byTestId('demo-submit')?.classList).toContain('ant-btn-loading');
    answer.next();
    await fixture.whenStable();
    expect(byTestId('demo-submit')?.classList).not.toContain('ant-btn-loading');
  });

  it('shows a version conflict with 重新加载 and blocks the submit until then', async () => {
    const { fixture, host } = await setup();
    host.saver.run(throwError(() => apiError(409, { statusCode: 409, error: 'VERSION_CONFLICT', message: '该产业类别已被他人修改，请重新加载' })));
    await fixture.whenStable();
    expect(byTestId('demo-conflict')?.textContent).toContain('该产业类别已被他人修改，请重新加载');
    expect(byTestId('demo-error')).toBeNull();
    expect((byTestId('demo-submit') as HTMLButtonElement).disabled).toBe(true);
    const reload = byTestId('demo-reload') as HTMLElement;
    expect(reload.textContent).toContain('重新加载');
    reload.click();
    expect(host.reloads()).toBe(1);

    host.saver.reset();
    await fixture.whenStable();
    expect(byTestId('demo-conflict')).toBeNull();
    expect((byTestId('demo-submit') as HTMLButtonElement).disabled).toBe(false);
  });

  it("puts the API's details on the form's fields and the rest in the alert", async () => {
    const { fixture, host } = await setup();
    const body: ApiErrorBody = {
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: '提交的数据有误',
      details: [
        { field: 'name', message: '名称已被占用' },
        { field: 'tenant', message: '未知字段' },
      ],
    };
    host.saver.run(throwError(() => apiError(400, body)), { error: serverErrorsOn(host.form) });
    await fixture.whenStable();
    expect(host.form.controls.name.errors).toEqual({ server: '名称已被占用' });
    expect(byTestId('demo-error')?.textContent).toContain('提交的数据有误：未知字段');
  });
});
