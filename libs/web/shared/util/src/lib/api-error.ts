import { HttpContextToken, HttpErrorResponse } from '@angular/common/http';
import { type ApiErrorBody, type ErrorCode, isApiErrorBody } from '@zhaoshang/shared/domain';

/**
 * Set on a request whose caller shows its own error (a form, a dialog): the HTTP interceptor then
 * does not pop up a global message for it. Session expiry (401) is handled either way.
 */
export const SKIP_ERROR_MESSAGE = new HttpContextToken<boolean>(() => false);

export const NETWORK_ERROR_MESSAGE = '无法连接服务器，请检查网络';

const STATUS_MESSAGES: Record<number, string> = {
  400: '提交的数据有误，请检查后重试',
  401: '登录已过期，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '数据已被他人修改，请刷新后重试',
  413: '提交的内容过大',
  429: '操作过于频繁，请稍后再试',
};

/** The API's error body when `error` is an HTTP error that carries one. */
export function apiErrorBody(error: unknown): ApiErrorBody | null {
  return error instanceof HttpErrorResponse && isApiErrorBody(error.error) ? error.error : null;
}

/** The API's error code (e.g. VERSION_CONFLICT), or null for network and unknown errors. */
export function apiErrorCode(error: unknown): ErrorCode | null {
  return apiErrorBody(error)?.error ?? null;
}

export function isNetworkError(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 0;
}

/** One readable Chinese sentence for any failed request, for a message or an alert. */
export function apiErrorMessage(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) return '操作失败，发生未知错误';
  if (error.status === 0) return NETWORK_ERROR_MESSAGE;
  const body = apiErrorBody(error);
  if (body) {
    const details = (body.details ?? []).map((d) => d.message).filter((m) => m && m !== body.message);
    return details.length > 0 ? `${body.message}：${details.join('；')}` : body.message;
  }
  if (error.status >= 500) return `服务器出错（${error.status}），请稍后重试`;
  return STATUS_MESSAGES[error.status] ?? `请求失败（${error.status}）`;
}
