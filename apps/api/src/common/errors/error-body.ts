import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@zhaoshang/shared/domain';
import { AppException } from './app.exception.js';

const BY_STATUS: Record<number, [ErrorCode, string]> = {
  400: ['MALFORMED_REQUEST', '请求格式有误'],
  401: ['UNAUTHENTICATED', '请先登录'],
  403: ['FORBIDDEN', '您没有执行此操作的权限'],
  404: ['NOT_FOUND', '请求的地址不存在'],
  405: ['MALFORMED_REQUEST', '不支持此请求方法'],
  406: ['MALFORMED_REQUEST', '不支持请求的内容格式'],
  409: ['CONFLICT', '数据冲突，请刷新后重试'],
  413: ['PAYLOAD_TOO_LARGE', '上传的内容过大'],
  415: ['MALFORMED_REQUEST', '不支持的内容类型（Content-Type）'],
  422: ['IMPORT_FAILED', '导入的数据有误'],
  429: ['TOO_MANY_REQUESTS', '请求过于频繁，请稍后再试'],
};

/** Fastify's own errors for malformed requests, which reach the filter before any of our code runs. */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空，但内容类型声明为 JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的内容类型（Content-Type）',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体过大',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求头 Content-Length 与内容不符',
};

interface ErrorWithStatus {
  statusCode?: number;
  code?: string;
}

export interface MappedError {
  body: ApiErrorBody;
  headers?: Record<string, string>;
  /** an unexpected failure whose stack belongs in the log */
  unexpected: boolean;
}

/** Errors of a database that cannot be reached (connection refused or lost, server shutting down or starting). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

/** Whether `error` (or the driver error TypeORM wraps in it) says the database is out of reach just now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; driverError?: unknown; message?: unknown } | undefined, i = 0; e && i < 3; e = e.driverError as typeof e, i++) {
    if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Connection refused|is not currently accepting connections|the database system is (starting up|shutting down)/.test(e.message)) return true;
  }
  return false;
}

/** Turns anything thrown while serving a request into DOMAIN.md §8's error body. */
export function toErrorBody(exception: unknown, requestId: string): MappedError {
  // issue 12: while PostgreSQL is down every route answered 500; it is a 503 to retry, and it recovers by itself
  if (isDatabaseUnavailable(exception)) {
    return {
      body: { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'SERVICE_UNAVAILABLE', message: `数据库暂时无法连接，请稍后重试；如果问题持续，请把请求编号 ${requestId} 告诉管理员` },
      headers: { 'retry-after': '5' },
      unexpected: true,
    };
  }
  if (exception instanceof AppException) {
    return {
      body: { statusCode: exception.status, error: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}) },
      headers: exception.headers,
      unexpected: false,
    };
  }
  // Nest wraps Fastify's 4xx errors (malformed JSON, wrong content type) in an HttpException
  const fastify = (exception instanceof HttpException ? exception.cause : exception) as ErrorWithStatus | undefined;
  const status = exception instanceof HttpException ? exception.getStatus() : fastify?.statusCode;
  if (typeof status === 'number' && status >= 400 && (status < 500 || exception instanceof HttpException)) {
    const body = fromStatus(status);
    const message = fastify?.code ? FASTIFY_MESSAGES[fastify.code] : undefined;
    return { body: message ? { ...body, message } : body, unexpected: status >= 500 };
  }
  return {
    body: {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'INTERNAL',
      message: `服务器内部错误，请稍后重试；如果问题持续，请把请求编号 ${requestId} 告诉管理员`,
    },
    unexpected: true,
  };
}

function fromStatus(status: number): ApiErrorBody {
  const [error, message] = BY_STATUS[status] ?? (status >= 500 ? ['INTERNAL', '服务器内部错误，请稍后重试'] : ['MALFORMED_REQUEST', '请求有误']);
  return { statusCode: status, error, message };
}
