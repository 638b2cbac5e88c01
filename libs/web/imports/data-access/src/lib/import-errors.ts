import { HttpErrorResponse } from '@angular/common/http';
import type { ImportKind, ImportRowError } from '@zhaoshang/shared/domain';
import { apiErrorBody, apiErrorMessage } from '@zhaoshang/web/shared/util';

export const IMPORT_NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试。文件未导入。';
export const IMPORT_TOO_LARGE_MESSAGE = '文件过大，超出服务器允许的上限。请把文件拆分成几个较小的文件分别导入。';
export const IMPORT_FAI_FORBIDDEN_MESSAGE = '您没有导入全社会固定资产投资数据的权限（仅管理员和市级招商人员可以导入）。';
export const IMPORT_FORBIDDEN_MESSAGE = '您没有导入这类数据的权限。';

/** A 422 with the rows that are wrong: what the page shows as the error table. */
export function importRowErrors(error: unknown): ImportRowError[] | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 422) return null;
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null) return null;
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) ? errors.filter(isRowError) : null;
}

/** One clear Chinese sentence for a failed import request. */
export function importErrorMessage(error: unknown, kind: ImportKind): string {
  if (!(error instanceof HttpErrorResponse)) return apiErrorMessage(error);
  if (error.status === 0) return IMPORT_NETWORK_MESSAGE;
  if (error.status === 413) return IMPORT_TOO_LARGE_MESSAGE;
  if (error.status === 403) return kind === 'fai' ? IMPORT_FAI_FORBIDDEN_MESSAGE : (apiErrorBody(error)?.message ?? IMPORT_FORBIDDEN_MESSAGE);
  return apiErrorMessage(error);
}

function isRowError(value: unknown): value is ImportRowError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['row'] === 'number' && typeof v['message'] === 'string';
}

/** An id for one import request: crypto.randomUUID where the page is a secure context, else built from random bytes. */
export function newImportId(): string {
  const webCrypto = globalThis.crypto as Crypto | undefined;
  // randomUUID exists only in secure contexts (https, localhost): an intranet http address has none
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (webCrypto?.getRandomValues) webCrypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
