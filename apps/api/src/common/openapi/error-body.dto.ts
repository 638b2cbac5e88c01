import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type ApiErrorBody, type ApiErrorDetail, ERROR_CODES, type ErrorCode } from '@zhaoshang/shared/domain';

/** One field's problem in an error answer (OpenAPI documentation of ApiErrorDetail). */
export class ApiErrorDetailResponse implements ApiErrorDetail {
  @ApiProperty({ description: '出错的字段路径 / path of the field, e.g. `items.3.month`', example: 'month' })
  field: string;

  @ApiProperty({ description: '该字段的问题（中文）/ what is wrong with it (Chinese)', example: '月份格式应为 YYYY-MM' })
  message: string;
}

/**
 * The one error body every endpoint answers with (DOMAIN.md §8; built by common/errors/error-body.ts).
 * One named schema (`ApiErrorResponse`), so that a generated client has one error type for all operations.
 */
export class ApiErrorResponse implements ApiErrorBody {
  @ApiProperty({ description: 'HTTP 状态码 / the HTTP status code', example: 400 })
  statusCode: number;

  @ApiProperty({ description: '稳定的错误代码，供程序判断 / a stable machine-readable code', enum: ERROR_CODES, enumName: 'ErrorCode', example: 'VALIDATION_FAILED' })
  error: ErrorCode;

  @ApiProperty({ description: '给人看的说明（中文）/ for people, in Chinese', example: '请求参数有误：月份格式应为 YYYY-MM' })
  message: string;

  @ApiPropertyOptional({ description: '逐字段的问题 / problems field by field', type: [ApiErrorDetailResponse] })
  details?: ApiErrorDetailResponse[];
}
