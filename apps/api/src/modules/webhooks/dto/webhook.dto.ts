import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateWebhookSubscriptionRequest,
  type CreateWebhookSubscriptionResponse,
  type Page,
  type UpdateWebhookSubscriptionRequest,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_SUBSCRIPTION_STATUSES,
  type WebhookDeliveryDto,
  type WebhookDeliveryStatus,
  type WebhookEventType,
  type WebhookPayload,
  type WebhookSubscriptionDto,
  type WebhookSubscriptionStatus,
} from '@zhaoshang/shared/domain';
import { Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, Matches } from 'class-validator';
import { VersionField } from '../../../common/validation/version-field.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const EVENTS_MESSAGE = `事件只能是 ${WEBHOOK_EVENT_TYPES.join('、')}`;
/** http or https only: a receiver is a web server, never a file or another scheme */
const HTTP_URL = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;
const URL_MESSAGE = '接收地址必须是以 http:// 或 https:// 开头的网址';

export class WebhookSubscriptionResponse implements WebhookSubscriptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ title: '名称', example: '市统计局项目库同步' }) name: string;
  @ApiProperty({ title: '接收地址', example: 'https://tj.example.gov.cn/hooks/zhaoshang' }) url: string;
  @ApiProperty({ title: '订阅的事件', enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: WebhookEventType[];
  @ApiProperty({ title: '状态', enum: WEBHOOK_SUBSCRIPTION_STATUSES, description: 'ACTIVE 启用；PAUSED 已暂停（事件照常排队，恢复后按序补发）' }) status: WebhookSubscriptionStatus;
  @ApiProperty({ title: '暂停原因', nullable: true, type: String }) pausedReason: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) pausedAt: string | null;
  @ApiProperty({ title: '系统自动暂停', description: '连续一天投递失败后由系统暂停' }) autoPaused: boolean;
  @ApiProperty({ title: '密钥前缀', example: 'whsec_MfKQ' }) secretPrefix: string;
  @ApiProperty({ title: '版本' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ title: '创建人' }) createdBy: string;
  @ApiProperty({ title: '待投递数' }) pending: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastSuccessAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastFailureAt: string | null;
}

export class CreateWebhookSubscriptionDto implements CreateWebhookSubscriptionRequest {
  @ApiProperty({ title: '名称', example: '市统计局项目库同步' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ title: '接收地址', example: 'https://tj.example.gov.cn/hooks/zhaoshang' })
  @Transform(trimmed)
  @IsString()
  @MaxLength(500)
  @Matches(HTTP_URL, { message: URL_MESSAGE })
  url: string;

  @ApiProperty({ title: '订阅的事件', enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['project.created', 'report.verified'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENTS_MESSAGE })
  events: WebhookEventType[];
}

export class CreateWebhookSubscriptionResult implements CreateWebhookSubscriptionResponse {
  @ApiProperty({ type: WebhookSubscriptionResponse }) subscription: WebhookSubscriptionResponse;
  @ApiProperty({ title: '签名密钥', description: 'whsec_ 加 base64（Standard Webhooks）；只在此时返回一次', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }) secret: string;
}

export class UpdateWebhookSubscriptionDto implements UpdateWebhookSubscriptionRequest {
  @VersionField()
  version: number;

  @ApiPropertyOptional({ title: '名称' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ title: '接收地址' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(500)
  @Matches(HTTP_URL, { message: URL_MESSAGE })
  url?: string;

  @ApiPropertyOptional({ title: '订阅的事件', enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENTS_MESSAGE })
  events?: WebhookEventType[];

  @ApiPropertyOptional({ title: '暂停', description: 'true 暂停；false 恢复（积压的事件按序补发）' })
  @IsOptional()
  @IsBoolean()
  paused?: boolean;
}

export class WebhookPayloadResponse implements WebhookPayload {
  @ApiProperty({ title: '事件类型', example: 'report.verified' }) type: string;
  @ApiProperty({ format: 'date-time', title: '变更时间' }) timestamp: string;
  @ApiProperty({ title: '数据', description: '编号、数值与版本号；记录本身请从数据接口拉取', type: 'object', additionalProperties: true, example: { reportId: 'c0a8…', projectId: '5f1e…', month: '2026-11', status: 'VERIFIED', version: 3 } })
  data: Record<string, unknown>;
}

export class WebhookDeliveryResponse implements WebhookDeliveryDto {
  @ApiProperty({ title: '投递编号' }) id: string;
  @ApiProperty({ title: '消息编号', description: 'webhook-id 头；重试和重发时不变，接收端可据此去重', example: 'msg_42' }) messageId: string;
  @ApiProperty({ title: '事件类型' }) eventType: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) projectId: string | null;
  @ApiProperty({ title: '状态', enum: WEBHOOK_DELIVERY_STATUSES }) status: WebhookDeliveryStatus;
  @ApiProperty({ title: '尝试次数' }) attempts: number;
  @ApiProperty({ title: '响应码', nullable: true, type: Number }) responseCode: number | null;
  @ApiProperty({ title: '耗时（毫秒）', nullable: true, type: Number }) durationMs: number | null;
  @ApiProperty({ title: '错误', nullable: true, type: String }) error: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty({ type: WebhookPayloadResponse }) payload: WebhookPayloadResponse;
}

export class WebhookDeliveryPage implements Page<WebhookDeliveryDto> {
  @ApiProperty({ type: [WebhookDeliveryResponse] }) items: WebhookDeliveryResponse[];
  @ApiProperty({ nullable: true, type: String, description: '下一页的 before；没有更多时为 null' }) nextCursor: string | null;
}

export class WebhookDeliveryQueryDto {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES, title: '状态' })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES, { message: `状态只能是 ${WEBHOOK_DELIVERY_STATUSES.join('、')}` })
  status?: WebhookDeliveryStatus;

  @ApiPropertyOptional({ title: '每页条数', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ title: '上一页最后一条的投递编号' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: '投递编号必须是数字' })
  before?: string;
}
