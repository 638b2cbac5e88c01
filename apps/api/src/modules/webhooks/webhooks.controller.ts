import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreateWebhookSubscriptionResponse, Page, WebhookDeliveryDto, WebhookSubscriptionDto } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { CurrentUserActor, type UserActor } from '../../common/access/actor.js';
import { ValidationFailed } from '../../common/errors/app.exception.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';
import {
  CreateWebhookSubscriptionDto,
  CreateWebhookSubscriptionResult,
  UpdateWebhookSubscriptionDto,
  WebhookDeliveryPage,
  WebhookDeliveryQueryDto,
  WebhookDeliveryResponse,
  WebhookSubscriptionResponse,
} from './dto/webhook.dto.js';
import { WebhooksService } from './webhooks.service.js';

const subscriptionId = uuidPipe('订阅编号');
const ACCESS = { capability: 'webhooks:manage' } as const;

function deliveryIdOf(value: string): string {
  if (!/^\d{1,18}$/.test(value)) throw ValidationFailed.field('deliveryId', '投递编号必须是数字');
  return value;
}

/**
 * Webhook subscriptions (DOMAIN.md §10): admins only (§7), every change audited. Deliveries are
 * signed per Standard Webhooks; see docs/integration.md for the receiving side.
 */
@ApiTags('Webhook')
@Controller({ path: 'webhooks', version: '1' })
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Access(ACCESS)
  @ApiOperation({ summary: 'Webhook 订阅列表 / List webhook subscriptions', description: '已暂停的在前；含待投递数、最近成功与失败时间。Paused ones first, with pending count and last success/failure' })
  @ApiOkResponse({ type: [WebhookSubscriptionResponse] })
  list(): Promise<WebhookSubscriptionDto[]> {
    return this.webhooks.list();
  }

  @Post()
  @Access(ACCESS)
  @ApiOperation({ summary: '新建订阅 / Create a subscription', description: '服务器生成签名密钥（whsec_…），只在此时返回一次。The server generates the signing secret and returns it this once' })
  @ApiCreatedResponse({ type: CreateWebhookSubscriptionResult })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED：名称、接收地址（仅 http/https）或事件不合法' })
  create(@CurrentUserActor() actor: UserActor, @Body() dto: CreateWebhookSubscriptionDto): Promise<CreateWebhookSubscriptionResponse> {
    return this.webhooks.create(actor, dto);
  }

  @Patch(':id')
  @Access(ACCESS)
  @ApiOperation({ summary: '修改、暂停或恢复订阅 / Update, pause or resume', description: 'paused=true 暂停，false 恢复（积压事件按序补发）。paused=false resumes and the backlog is delivered in order' })
  @ApiOkResponse({ type: WebhookSubscriptionResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND：订阅不存在' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：订阅已被他人修改' })
  update(@CurrentUserActor() actor: UserActor, @Param('id', subscriptionId) id: string, @Body() dto: UpdateWebhookSubscriptionDto): Promise<WebhookSubscriptionDto> {
    return this.webhooks.update(actor, id, dto);
  }

  @Delete(':id')
  @Access(ACCESS)
  @ApiOperation({ summary: '删除订阅 / Delete a subscription', description: '连同其投递记录；query 参数 version 为读取时的版本。Its deliveries go with it' })
  @ApiOkResponse({ type: WebhookSubscriptionResponse, description: '删除前的订阅' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED：缺少版本' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND：订阅不存在' })
  @ApiConflictResponse({ description: 'VERSION_CONFLICT：订阅已被他人修改' })
  remove(@CurrentUserActor() actor: UserActor, @Param('id', subscriptionId) id: string, @Query('version') version: string): Promise<WebhookSubscriptionDto> {
    if (!/^\d{1,9}$/.test(version ?? '')) throw ValidationFailed.field('version', '版本必须是整数');
    return this.webhooks.remove(actor, id, Number(version));
  }

  @Post(':id/test')
  @HttpCode(200)
  @Access(ACCESS)
  @ApiOperation({ summary: '发送测试事件 / Send a test delivery', description: '立即发送一次 webhook.test（暂停中也发送），返回投递结果。Sends webhook.test now, also when paused, and returns the result' })
  @ApiOkResponse({ type: WebhookDeliveryResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND：订阅不存在' })
  test(@CurrentUserActor() actor: UserActor, @Param('id', subscriptionId) id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.test(actor, id);
  }

  @Get(':id/deliveries')
  @Access(ACCESS)
  @ApiOperation({ summary: '投递记录 / Delivery log', description: '新的在前：状态、响应码、耗时、尝试次数、下次重试时间。Newest first' })
  @ApiOkResponse({ type: WebhookDeliveryPage })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND：订阅不存在' })
  deliveries(@Param('id', subscriptionId) id: string, @Query() query: WebhookDeliveryQueryDto): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.deliveries(id, query);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(200)
  @Access(ACCESS)
  @ApiOperation({ summary: '重发 / Replay a delivery', description: '以同一 webhook-id 重新排队投递。Queued again with the same webhook-id' })
  @ApiOkResponse({ type: WebhookDeliveryResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED：投递编号不合法' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND：订阅或投递不存在' })
  @ApiConflictResponse({ description: 'CONFLICT：该投递尚在排队或重试中' })
  replay(@CurrentUserActor() actor: UserActor, @Param('id', subscriptionId) id: string, @Param('deliveryId') deliveryId: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.replay(actor, id, deliveryIdOf(deliveryId));
  }
}
