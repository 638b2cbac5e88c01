import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { API_KEY_RATE_LIMIT_DEFAULT, type ApiKeyDto, type ApiKeyScope, type CreateApiKeyResponse } from '@zhaoshang/shared/domain';
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { UserActor } from '../../common/access/actor.js';
import { Conflict, NotFound, VersionConflict } from '../../common/errors/app.exception.js';
import { preparedOn, runSql, sql } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateApiKeyDto, UpdateApiKeyDto } from './dto/api-key.dto.js';
import { ApiKey } from './entities/api-key.entity.js';
import { budgetHeaders, budgetOf, type CountedKeyRow, type KeyBudget, lookUpAndCount, RateLimited } from './rate-limit.js';

export type { KeyBudget } from './rate-limit.js';

const PREFIX_LENGTH = 11; // "zs_" and 8 characters
/** lastUsedAt is a hint for people, not a log: refresh it at most this often */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** An active key as the access guard sees it: who it is and what this request left of its budget. */
export interface AuthenticatedApiKey {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  budget: KeyBudget;
}

function toDto(key: ApiKey, usedThisMinute: number): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    createdBy: key.creator ? key.creator.displayName : key.createdBy,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    rateLimitPerMinute: key.rateLimitPerMinute,
    usedThisMinute,
    version: key.version,
  };
}

/** The audit log keeps the key's settings, not the minute's traffic. */
function auditView(dto: ApiKeyDto): Omit<ApiKeyDto, 'usedThisMinute'> {
  const { usedThisMinute: _traffic, ...rest } = dto;
  return rest;
}

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ApiKeyDto[]> {
    const keys = await this.dataSource.getRepository(ApiKey).find({ relations: { creator: true }, order: { createdAt: 'DESC' } });
    const used = await this.usedThisMinute(this.dataSource.manager);
    return keys.map((key) => toDto(key, used.get(key.id) ?? 0));
  }

  async create(actor: UserActor, dto: CreateApiKeyDto): Promise<CreateApiKeyResponse> {
    // 32 random bytes: a hash is safe to store and fast to look up, unlike a password
    const key = `zs_${randomBytes(32).toString('base64url')}`;
    return this.dataSource.transaction(async (em) => {
      const saved = await em.save(
        em.create(ApiKey, {
          name: dto.name,
          prefix: key.slice(0, PREFIX_LENGTH),
          keyHash: hashApiKey(key),
          scopes: dto.scopes,
          rateLimitPerMinute: dto.rateLimitPerMinute ?? API_KEY_RATE_LIMIT_DEFAULT,
          createdBy: actor.id,
        }),
      );
      await this.audit.record(em, actor, { entity: 'apiKey', entityId: saved.id, action: 'CREATE', before: null, after: auditView(toDto(saved, 0)) });
      return { id: saved.id, key };
    });
  }

  /** A new budget for the key; the change takes effect with the key's next request, in every process. */
  async update(actor: UserActor, id: string, dto: UpdateApiKeyDto): Promise<ApiKeyDto> {
    return this.dataSource.transaction(async (em) => {
      const key = await this.lockForChange(em, id);
      if (key.version !== dto.version) throw new VersionConflict('API 密钥', key.version, dto.version);
      if (key.revokedAt) throw new Conflict('该 API 密钥已被吊销，不能再修改');
      const used = (await this.usedThisMinute(em, id)).get(id) ?? 0;
      const before = toDto(key, used);
      key.rateLimitPerMinute = dto.rateLimitPerMinute;
      await em.save(key);
      const after = toDto(key, used);
      await this.audit.record(em, actor, { entity: 'apiKey', entityId: id, action: 'UPDATE', before: auditView(before), after: auditView(after) });
      return after;
    });
  }

  async revoke(actor: UserActor, id: string): Promise<ApiKeyDto> {
    return this.dataSource.transaction(async (em) => {
      const key = await this.lockForChange(em, id);
      if (key.revokedAt) throw new Conflict('该 API 密钥已被吊销');
      const used = (await this.usedThisMinute(em, id)).get(id) ?? 0;
      const before = toDto(key, used);
      key.revokedAt = new Date();
      await em.save(key);
      const after = toDto(key, used);
      await this.audit.record(em, actor, { entity: 'apiKey', entityId: id, action: 'REVOKE', before: auditView(before), after: auditView(after) });
      return after;
    });
  }

  /**
   * The active key with this value, its request counted against its budget (rate-limit.ts), or null.
   * One statement, prepared once per connection: it runs before every request made with a key.
   */
  async authenticate(key: string): Promise<AuthenticatedApiKey | null> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const [row] = await runSql<CountedKeyRow>(preparedOn(pool), lookUpAndCount(hashApiKey(key)));
    if (!row) return null;
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      // raw: TypeORM's update would raise the version, and a key in use would make the admin's edit stale
      await runSql(this.dataSource, sql`UPDATE api_keys SET last_used_at = now() WHERE id = ${row.id}`);
    }
    return { id: row.id, name: row.name, scopes: row.scopes as ApiKeyScope[], budget: budgetOf(row) };
  }

  /**
   * The budget headers for an answer to this key; past its budget, the 429 to answer instead
   * (DOMAIN.md §10). The access guard calls it right after `authenticate`.
   */
  budgetHeaders(key: AuthenticatedApiKey): Record<string, string> {
    if (key.budget.used > key.budget.limit) throw new RateLimited(key.budget);
    return budgetHeaders(key.budget);
  }

  /** The row, locked, with its creator (for the answer); TypeORM locks only api_keys, not the join. */
  private async lockForChange(em: EntityManager, id: string): Promise<ApiKey> {
    const key = await em.findOne(ApiKey, { where: { id }, relations: { creator: true }, lock: { mode: 'pessimistic_write', tables: ['api_keys'] } });
    if (!key) throw new NotFound('API 密钥', id);
    return key;
  }

  /** Requests counted in the current minute by the database's clock, per key (one key when `id` is given). */
  private async usedThisMinute(runner: EntityManager, id?: string): Promise<Map<string, number>> {
    const rows = await runSql<{ keyId: string; requests: number }>(
      runner,
      sql`SELECT key_id AS "keyId", requests FROM api_key_usage
          WHERE window_start = date_trunc('minute', now()) ${id === undefined ? sql`` : sql`AND key_id = ${id}`}`,
    );
    return new Map(rows.map((r) => [r.keyId, r.requests]));
  }
}
