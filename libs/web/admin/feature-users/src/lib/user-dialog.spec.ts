import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { RegionDto, UserDto } from '@zhaoshang/shared/domain';
import type { CreateUserForm } from './user-form';
import { UserDialog, type UserDialogTarget } from './user-dialog';

const regions: RegionDto[] = [{ code: '150525', name: '奈曼旗', shortName: '奈曼', parentCode: '150500', sortOrder: 6 }];

@Component({
  selector: 'zs-host',
  imports: [UserDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<zs-user-dialog [target]="target()" [regions]="regions" (created)="created.set($event)" (closed)="target.set(null)" />`,
})
class Host {
  readonly target = signal<UserDialogTarget | null>({ mode: 'create' });
  readonly regions = regions;
  readonly created = signal<UserDto | null>(null);
}

const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
const byTestId = (id: string) => overlay().querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function setup() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const dialog = fixture.debugElement.children[0].componentInstance as UserDialog;
  // the form is the dialog's own; filling it directly keeps the test about rules, not about nz-select clicks
  const form = (dialog as unknown as { createForm: CreateUserForm }).createForm;
  const submit = async () => {
    byTestId('user-form-submit')?.click();
    await fixture.whenStable();
  };
  return { fixture, form, submit, backend: TestBed.inject(HttpTestingController) };
}

describe('UserDialog', () => {
  afterEach(() => overlay()?.replaceChildren());

  it('asks for a region only when the role is district staff, and requires it then', async () => {
    const { fixture, form, submit, backend } = await setup();
    form.patchValue({ username: 'nm_liqiang', displayName: '李强', password: 'Tongliao2026', role: 'CITY_STAFF' });
    await fixture.whenStable();
    expect(byTestId('user-form-region')).toBeNull();

    form.controls.role.setValue('DISTRICT_STAFF');
    await fixture.whenStable();
    expect(byTestId('user-form-region')).not.toBeNull();
    await submit();
    backend.expectNone('/api/v1/users');
    expect(overlay().textContent).toContain('旗县招商人员须选择所属地区');

    form.controls.regionCode.setValue('150525');
    await submit();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/users' });
    expect(request.request.body).toMatchObject({ role: 'DISTRICT_STAFF', regionCode: '150525' });
  });

  it("puts the API's field messages under the fields", async () => {
    const { fixture, form, submit, backend } = await setup();
    form.patchValue({ username: 'wangfang', displayName: '王芳', password: 'Tongliao2026', role: 'LEADER' });
    await submit();
    backend.expectOne('/api/v1/users').flush(
      { statusCode: 409, error: 'CONFLICT', message: '用户名 wangfang 已存在' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(form.controls.username.errors).toEqual({ server: '用户名 wangfang 已存在' });
    expect(overlay().textContent).toContain('用户名 wangfang 已存在');
    expect(fixture.componentInstance.target()).toEqual({ mode: 'create' });
  });

  it('edits an existing user and, after a version conflict, reloads it', async () => {
    const { fixture, backend } = await setup();
    const reopen = async (target: UserDialogTarget) => {
      fixture.componentInstance.target.set(null);
      await fixture.whenStable();
      fixture.componentInstance.target.set(target);
      await fixture.whenStable();
    };
    const user: UserDto = {
      id: 'u7', username: 'nm_liqiang', displayName: '李强', role: 'DISTRICT_STAFF', regionCode: '150525', regionName: '奈曼旗',
      disabled: false, version: 3, lastLoginAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    };
    await reopen({ mode: 'edit', user });
    expect(byTestId('user-form-username')).toBeNull();
    expect(overlay().textContent).toContain('编辑用户 nm_liqiang');
    byTestId('user-form-submit')?.click();
    await fixture.whenStable();
    const request = backend.expectOne({ method: 'PATCH', url: '/api/v1/users/u7' });
    expect(request.request.body).toMatchObject({ displayName: '李强', version: 3 });
    request.flush({ statusCode: 409, error: 'VERSION_CONFLICT', message: '该用户已被他人修改，请重新加载' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(byTestId('user-form-conflict')?.textContent).toContain('该用户已被他人修改');
    byTestId('user-form-reload')?.click();
    backend.expectOne({ method: 'GET', url: '/api/v1/users/u7' }).flush({ ...user, displayName: '李强强', version: 4 });
    await fixture.whenStable();
    expect(byTestId('user-form-conflict')).toBeNull();
    expect((byTestId('user-form-display-name') as HTMLInputElement).value).toBe('李强强');

    // the same dialog then creates: the new-user fields come back, empty
    await reopen({ mode: 'create' });
    expect((byTestId('user-form-username') as HTMLInputElement).value).toBe('');
    expect((byTestId('user-form-display-name') as HTMLInputElement).value).toBe('');
    expect(byTestId('user-form-disabled')).toBeNull();
  });
});
