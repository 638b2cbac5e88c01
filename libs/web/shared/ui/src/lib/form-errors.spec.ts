import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import type { ApiErrorBody } from '@zhaoshang/shared/domain';
import { applyServerErrors, firstErrorMessage, zsValidators } from './form-errors';

function httpError(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body, url: '/api/v1/users' });
}

describe('applyServerErrors', () => {
  it('puts field messages on their controls and returns what has no control', () => {
    const form = new FormGroup({ username: new FormControl('zhang'), role: new FormControl('ADMIN') });
    const body: ApiErrorBody = {
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: '提交的数据有误',
      details: [
        { field: 'username', message: '用户名已被占用' },
        { field: 'tenant', message: '未知字段' },
      ],
    };
    expect(applyServerErrors(form, httpError(400, body))).toBe('提交的数据有误：未知字段');
    expect(form.controls.username.errors).toEqual({ server: '用户名已被占用' });
    expect(form.controls.username.touched).toBe(true);
    expect(form.controls.role.errors).toBeNull();

    form.controls.username.setValue('zhang2');
    expect(form.controls.username.errors).toBeNull();
  });

  it('returns the whole message when the error names no field', () => {
    const form = new FormGroup({ name: new FormControl('') });
    const conflict: ApiErrorBody = { statusCode: 409, error: 'CONFLICT', message: '用户名已存在' };
    expect(applyServerErrors(form, httpError(409, conflict))).toBe('用户名已存在');
  });
});

describe('validators', () => {
  it('carry their Chinese message as the error value', () => {
    const control = new FormControl('', [zsValidators.required('请输入姓名'), zsValidators.maxLength(3, '姓名最多 3 个字')]);
    expect(firstErrorMessage(control.errors)).toBe('请输入姓名');
    control.setValue('欧阳娜娜吖');
    expect(firstErrorMessage(control.errors)).toBe('姓名最多 3 个字');
    control.setValue('李四');
    expect(firstErrorMessage(control.errors)).toBeNull();
  });
});
