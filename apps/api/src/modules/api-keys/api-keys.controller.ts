import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ApiKeyDto, CreateApiKeyResponse } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { type UserActor, CurrentUserActor } from '../../common/access/actor.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyResponse, CreateApiKeyDto, CreateApiKeyResult } from './dto/api-key.dto.js';

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
}
