import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import type { UserDto } from '@zhaoshang/shared/domain';
import { firstErrorMessage } from '@zhaoshang/web/shared/ui';
import { createUserForm, editUserForm, fillEditUserForm, toCreateUserRequest, toUpdateUserRequest } from './user-form';

const fb = () => TestBed.inject(NonNullableFormBuilder);

function validCreateForm() {
  const form = createUserForm(fb());
  form.setValue({ username: 'wangfang', displayName: ' 王芳 ', role: 'CITY_STAFF', regionCode: null, password: 'Tongliao2026' });
  return form;
}

describe('user form', () => {
  it('requires a region for district staff and only for them', () => {
    const form = validCreateForm();
    expect(form.valid).toBe(true);

    form.controls.role.setValue('DISTRICT_STAFF');
    expect(form.valid).toBe(false);
    expect(firstErrorMessage(form.controls.regionCode.errors)).toBe('旗县招商人员须选择所属地区');

    form.controls.regionCode.setValue('150525');
    expect(form.valid).toBe(true);
    expect(toCreateUserRequest(form)).toEqual({
      username: 'wangfang',
      displayName: '王芳',
      password: 'Tongliao2026',
      role: 'DISTRICT_STAFF',
      regionCode: '150525',
    });
  });

  it('drops the region when the role changes to a city-wide one', () => {
    const form = validCreateForm();
    form.controls.role.setValue('DISTRICT_STAFF');
    form.controls.regionCode.setValue('150525');
    form.controls.role.setValue('LEADER');
    expect(form.controls.regionCode.value).toBeNull();
    expect(form.valid).toBe(true);
    expect(toCreateUserRequest(form).regionCode).toBeNull();
  });

  it('explains in Chinese what is wrong with the username, name and password', () => {
    const form = validCreateForm();
    form.controls.username.setValue('1abc');
    expect(firstErrorMessage(form.controls.username.errors)).toBe('用户名以字母开头，3–32 位字母、数字或 _ . -');
    form.controls.displayName.setValue('   ');
    expect(firstErrorMessage(form.controls.displayName.errors)).toBe('姓名不能只有空格');
    form.controls.password.setValue('abcdefghij');
    expect(firstErrorMessage(form.controls.password.errors)).toBe('密码需包含字母、数字、符号中的至少两类');
    form.controls.password.setValue('');
    expect(firstErrorMessage(form.controls.password.errors)).toBe('请输入初始密码');
    form.controls.role.setValue(null);
    expect(firstErrorMessage(form.controls.role.errors)).toBe('请选择角色');
  });

  it('refuses a password containing the username typed beside it, checked again when the username changes (issue 12)', () => {
    const form = validCreateForm();
    form.controls.password.setValue('Wangfang#2026');
    expect(firstErrorMessage(form.controls.password.errors)).toBe('密码不能包含用户名');
    form.controls.username.setValue('lihua');
    expect(form.controls.password.errors).toBeNull();
    form.controls.password.setValue('Aa111111');
    expect(firstErrorMessage(form.controls.password.errors)).toBe('密码至少 10 位');
  });

  it('edits with the version that was read, and the same region rule', () => {
    const user: UserDto = {
      id: 'u7',
      username: 'kl01',
      displayName: '赵强',
      role: 'DISTRICT_STAFF',
      regionCode: '150523',
      regionName: '开鲁县',
      disabled: false,
      version: 4,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      lastLoginAt: null,
    };
    const form = editUserForm(fb());
    fillEditUserForm(form, user);
    expect(form.valid).toBe(true);

    form.controls.regionCode.setValue(null);
    expect(form.controls.regionCode.hasError('required')).toBe(true);

    form.controls.role.setValue('CITY_STAFF');
    form.controls.disabled.setValue(true);
    expect(form.valid).toBe(true);
    expect(toUpdateUserRequest(form, user.version)).toEqual({ displayName: '赵强', role: 'CITY_STAFF', regionCode: null, disabled: true, version: 4 });
  });
});
