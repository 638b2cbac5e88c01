import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@zhaoshang/shared/domain';
import { apiErrorMessage } from './api-error';
import { formatDateTime } from './format';

function httpError(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body, url: '/api/v1/users' });
}

describe('apiErrorMessage', () => {
  it("prefers the API's message and adds the details", () => {
    const body: ApiErrorBody = {
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: '提交的数据有误',
      details: [{ field: 'regionCode', message: '旗县招商人员须指定所属地区' }],
    };
    expect(apiErrorMessage(httpError(400, body))).toBe('提交的数据有误：旗县招商人员须指定所属地区');
    expect(apiErrorMessage(httpError(429, { statusCode: 429, error: 'TOO_MANY_REQUESTS', message: '请 5 分钟后再试' }))).toBe('请 5 分钟后再试');
  });

  it('falls back to the status when there is no body of ours', () => {
    expect(apiErrorMessage(httpError(0, null))).toBe('无法连接服务器，请检查网络');
    expect(apiErrorMessage(httpError(503, 'Service Unavailable'))).toBe('服务器出错（503），请稍后重试');
    expect(apiErrorMessage(httpError(403, null))).toBe('没有权限执行此操作');
    expect(apiErrorMessage(new Error('x'))).toBe('操作失败，发生未知错误');
  });
});

describe('formatDateTime', () => {
  it('shows Beijing time whatever the browser zone', () => {
    expect(formatDateTime('2026-03-04T17:05:00Z')).toBe('2026-03-05 01:05');
    expect(formatDateTime(null, '从未登录')).toBe('从未登录');
    expect(formatDateTime('not a date')).toBe('—');
  });
});
