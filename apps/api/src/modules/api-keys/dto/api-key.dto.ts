import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  API_KEY_RATE_LIMIT_DEFAULT,
  API_KEY_RATE_LIMIT_MAX,
  API_KEY_RATE_LIMIT_MIN,
  API_KEY_RATE_LIMIT_RANGE_MESSAGE,
  API_KEY_SCOPES,
  type ApiKeyDto,
  type ApiKeyScope,
  type CreateApiKeyRequest,
  type CreateApiKeyResponse,
  type UpdateApiKeyRequest,
} from '@zhaoshang/shared/domain';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { VersionField } from '../../../common/validation/version-field.js';

const RATE_LIMIT_DOC = {
  title: '每分钟请求上限',
  description: `该密钥每分钟（按数据库时钟的整分钟计）最多可发出的请求数，所有 API 进程共同计数；超出后返回 429 并带 Retry-After。范围 ${API_KEY_RATE_LIMIT_MIN}–${API_KEY_RATE_LIMIT_MAX}。`,
  minimum: API_KEY_RATE_LIMIT_MIN,
  maximum: API_KEY_RATE_LIMIT_MAX,
  example: API_KEY_RATE_LIMIT_DEFAULT,
};

/** The three checks word one message, naming the field; the validation pipe reports the first. */
function RateLimitField(): PropertyDecorator {
  const message = API_KEY_RATE_LIMIT_RANGE_MESSAGE;
  return applyDecorators(IsInt({ message }), Min(API_KEY_RATE_LIMIT_MIN, { message }), Max(API_KEY_RATE_LIMIT_MAX, { message }));
}

export class ApiKeyResponse implements ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ title: '名称' }) name: string;
  @ApiProperty({ title: '前缀', example: 'zs_3fa9c1d2' }) prefix: string;
  @ApiProperty({ title: '权限范围', enum: API_KEY_SCOPES, isArray: true }) scopes: ApiKeyScope[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ title: '创建人' }) createdBy: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty(RATE_LIMIT_DOC) rateLimitPerMinute: number;
  @ApiProperty({ title: '本分钟已用', description: '当前这一分钟（数据库时钟）内该密钥已发出的请求数，被拒绝的请求也计入', example: 12 }) usedThisMinute: number;
  @ApiProperty({ title: '版本' }) version: number;
}

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ title: '名称', example: '市统计局固投数据推送' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ title: '权限范围', enum: API_KEY_SCOPES, isArray: true, example: ['read'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true, message: `权限范围只能是 ${API_KEY_SCOPES.join('、')}` })
  scopes: ApiKeyScope[];

  @ApiPropertyOptional({ ...RATE_LIMIT_DOC, default: API_KEY_RATE_LIMIT_DEFAULT })
  @IsOptional()
  @RateLimitField()
  rateLimitPerMinute?: number;
}

export class UpdateApiKeyDto implements UpdateApiKeyRequest {
  @ApiProperty(RATE_LIMIT_DOC)
  @RateLimitField()
  rateLimitPerMinute: number;

  @VersionField()
  version: number;
}

export class CreateApiKeyResult implements CreateApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ title: '密钥', description: '只在此时返回一次；请求时放在 X-Api-Key 头中' }) key: string;
}
