import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_SCOPES, type ApiKeyDto, type ApiKeyScope, type CreateApiKeyRequest, type CreateApiKeyResponse } from '@zhaoshang/shared/domain';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ApiKeyResponse implements ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ title: '名称' }) name: string;
  @ApiProperty({ title: '前缀', example: 'zs_3fa9c1d2' }) prefix: string;
  @ApiProperty({ title: '权限范围', enum: API_KEY_SCOPES, isArray: true }) scopes: ApiKeyScope[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ title: '创建人' }) createdBy: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
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
}

export class CreateApiKeyResult implements CreateApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ title: '密钥', description: '只在此时返回一次；请求时放在 X-Api-Key 头中' }) key: string;
}
