import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApiKeyDto, CreateApiKeyResponse } from '@zhaoshang/shared/domain';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { Conflict, NotFound } from '../../common/errors/app.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateApiKeyDto } from './dto/api-key.dto.js';
import { ApiKey } from './entities/api-key.entity.js';

const PREFIX_LENGTH = 11; // "zs_" and 8 characters
/** lastUsedAt is a hint for people, not a log: refresh it at most this often */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function toDto(key: ApiKey): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    createdBy: key.creator ? key.creator.displayName : key.createdBy,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ApiKeyDto[]> {
    const keys = await this.dataSource.getRepository(ApiKey).find({ relations: { creator: true }, order: { createdAt: 'DESC' } });
    return keys.map(toDto);
  }

  async create(actor: UserActor, dto: CreateApiKeyDto): Promise<CreateApiKeyResponse> {
    // 32 random bytes: a hash is safe to store and fast to look up, unlike a password
    const key = `zs_${randomBytes(32).toString('base64url')}`;
    return this.dataSource.transaction(async (em) => {
      const saved = await em.save(em.create(ApiKey, { name: dto.name, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashApiKey(key), scopes: dto.scopes, createdBy: actor.id }));
      await this.audit.record(em, actor, { entity: 'apiKey', entityId: saved.id, action: 'CREATE', before: null, after: toDto(saved) });
      return { id: saved.id, key };
    });
  }

  async revoke(actor: UserActor, id: string): Promise<ApiKeyDto> {
    return this.dataSource.transaction(async (em) => {
      const key = await em.findOne(ApiKey, { where: { id }, relations: { creator: true }, lock: { mode: 'pessimistic_write', tables: ['api_keys'] } });
      if (!key) throw new NotFound('API 密钥', id);
      if (key.revokedAt) throw new Conflict('该 API 密钥已被吊销');
      const before = toDto(key);
      key.revokedAt = new Date();
      await em.save(key);
      const after = toDto(key);
      await this.audit.record(em, actor, { entity: 'apiKey', entityId: id, action: 'REVOKE', before, after });
      return after;
    });
  }

  /** The active key with this value, or null. */
  async authenticate(key: string): Promise<ApiKey | null> {
    const found = await this.dataSource.getRepository(ApiKey).findOneBy({ keyHash: hashApiKey(key), revokedAt: IsNull() });
    if (found && (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)) {
      await this.dataSource.getRepository(ApiKey).update(found.id, { lastUsedAt: new Date() });
    }
    return found;
  }
}
