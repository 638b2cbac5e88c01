import type { ApiErrorDetail, ErrorCode } from '@zhaoshang/shared/domain';

/**
 * The one exception type our code throws for a request that cannot be served. Modules subclass it
 * (or use the factories below); the global filter turns it into DOMAIN.md §8's error JSON.
 */
export class AppException extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export class ValidationFailed extends AppException {
  constructor(details: ApiErrorDetail[], message?: string) {
    super(400, 'VALIDATION_FAILED', message ?? `请求参数有误：${details.map((d) => d.message).join('；')}`, details);
  }

  static field(field: string, message: string): ValidationFailed {
    return new ValidationFailed([{ field, message }]);
  }
}

export class NotFound extends AppException {
  constructor(what: string, id: string) {
    super(404, 'NOT_FOUND', `${what}不存在：${id}`);
  }
}

/** A write based on a version someone else has changed since (DOMAIN.md §7). */
export class VersionConflict extends AppException {
  constructor(what: string, current: number, given: number) {
    super(409, 'VERSION_CONFLICT', `该${what}已被他人修改（当前版本 ${current}，您提交的是版本 ${given}），请刷新后重试`, [
      { field: 'version', message: `当前版本为 ${current}` },
    ]);
  }
}

export class Conflict extends AppException {
  constructor(message: string, field?: string) {
    super(409, 'CONFLICT', message, field ? [{ field, message }] : undefined);
  }
}

export class Forbidden extends AppException {
  constructor(message = '您没有执行此操作的权限') {
    super(403, 'FORBIDDEN', message);
  }
}
