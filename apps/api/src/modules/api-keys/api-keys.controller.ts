import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiKeyDto, CreateApiKeyResponse } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { type UserActor, CurrentUserActor } from '../../common/access/actor.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyResponse, CreateApiKeyDto, CreateApiKeyResult, UpdateApiKeyDto } from './dto/api-key.dto.js';

@ApiTags('API 密钥')
@Controller({ path: 'api-keys', version: '1' })
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @Access({ capability: 'apiKeys:manage' })
  @ApiOkResponse({ type: [ApiKeyResponse] })
  list(): Promise<ApiKeyDto[]> {
    return this.apiKeys.list();
  }

  @Post()
  @Access({ capability: 'apiKeys:manage' })
  @ApiCreatedResponse({ type: CreateApiKeyResult, description: '密钥只返回这一次' })
  create(@CurrentUserActor() actor: UserActor, @Body() dto: CreateApiKeyDto): Promise<CreateApiKeyResponse> {
    return this.apiKeys.create(actor, dto);
  }

  @Delete(':id')
  @Access({ capability: 'apiKeys:manage' })
  @ApiOkResponse({ type: ApiKeyResponse, description: '已吊销的密钥' })
  revoke(@CurrentUserActor() actor: UserActor, @Param('id', uuidPipe('密钥编号')) id: string): Promise<ApiKeyDto> {
    return this.apiKeys.revoke(actor, id);
  }

  @Patch(':id')
  @Access({ capability: 'apiKeys:manage' })
  @ApiOperation({
    summary: '修改 API 密钥的每分钟请求上限 / Change an API key’s request budget per minute',
    description: '新的上限从该密钥的下一个请求起在所有 API 进程生效。 The new budget applies from the key’s next request, in every API process.',
  })
  @ApiOkResponse({ type: ApiKeyResponse, description: '修改后的密钥' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED：每分钟请求上限或版本不合法' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND：密钥不存在' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：密钥已被他人修改；CONFLICT：密钥已被吊销' })
  update(@CurrentUserActor() actor: UserActor, @Param('id', uuidPipe('密钥编号')) id: string, @Body() dto: UpdateApiKeyDto): Promise<ApiKeyDto> {
    return this.apiKeys.update(actor, id, dto);
  }
}
