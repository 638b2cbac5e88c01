import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditAction, AuditEntryDto, Page } from '@zhaoshang/shared/domain';
import { type EntityManager, Repository } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { AuditEntry } from './entities/audit-entry.entity.js';

export interface AuditChange {
  entity: string;
  entityId: string;
  action: AuditAction;
  before: object | null;
  after: object | null;
}

/** Who made a change, as the audit log's columns store it. */
export interface AuditActorColumns {
  actorType: 'USER' | 'API_KEY' | 'SYSTEM';
  actorId: string | null;
  actorName: string;
  requestId: string | null;
}

/** The actor columns of an audit row, for set-based writers that build their rows in SQL (imports). */
export function auditActorColumns(actor: Actor): AuditActorColumns {
  return {
    actorType: actor.kind === 'user' ? 'USER' : actor.kind === 'apiKey' ? 'API_KEY' : 'SYSTEM',
    actorId: actor.kind === 'system' ? null : actor.id,
    actorName: actor.kind === 'user' ? `${actor.displayName}（${actor.username}）` : actor.kind === 'apiKey' ? `API 密钥：${actor.name}` : '系统',
    requestId: actor.requestId,
  };
}

/** Keys never written to the audit log, whatever the entity. */
const SECRET_KEYS = new Set(['passwordHash', 'keyHash']);

function snapshot(value: object | null): Record<string, unknown> | null {
  if (value === null) return null;
  const plain = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  for (const key of SECRET_KEYS) delete plain[key];
  return plain;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Writes the audit row with the manager of the change's own transaction: both land or neither. */
  async record(manager: EntityManager, actor: Actor, change: AuditChange): Promise<void> {
    await manager.save(
      manager.create(AuditEntry, {
      actorType: actor.kind === 'user' ? 'USER' : actor.kind === 'apiKey' ? 'API_KEY' : 'SYSTEM',
      actorId: actor.kind === 'system' ? null : actor.id,
      actorName: actor.kind === 'user' ? `${actor.displayName}（${actor.username}）` : actor.kind === 'apiKey' ? `API 密钥：${actor.name}` : '系统',
      entity: change.entity,
      entityId: change.entityId,
      action: change.action,
      before: snapshot(change.before),
      after: snapshot(change.after),
      requestId: actor.requestId,
      }),
    );
  }

  /**
   * Several audit rows in one statement (one array per column through unnest), in the change's own
   * transaction: for imports, which change many records at once and must not pay a round trip each.
   */
  async recordMany(manager: EntityManager, actor: Actor, changes: readonly AuditChange[]): Promise<void> {
    if (changes.length === 0) return;
    const who = auditActorColumns(actor);
    await manager.query(
      `INSERT INTO audit_log (actor_type, actor_id, actor_name, entity, entity_id, action, before, after, request_id)
       SELECT $1, $2, $3, c.entity, c.entity_id, c.action, c.before, c.after, $4
       FROM unnest($5::varchar[], $6::varchar[], $7::varchar[], $8::jsonb[], $9::jsonb[]) AS c(entity, entity_id, action, before, after)`,
      [
        who.actorType,
        who.actorId,
        who.actorName,
        who.requestId,
        changes.map((c) => c.entity),
        changes.map((c) => c.entityId),
        changes.map((c) => c.action),
        changes.map((c) => (c.before === null ? null : JSON.stringify(snapshot(c.before)))),
        changes.map((c) => (c.after === null ? null : JSON.stringify(snapshot(c.after)))),
      ],
    );
  }

  async list(query: { entity?: string; entityId?: string; limit: number; before?: string }): Promise<Page<AuditEntryDto>> {
    const qb = this.entries.createQueryBuilder('a').orderBy('a.id', 'DESC').limit(query.limit + 1);
    if (query.entity) qb.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.before) qb.andWhere('a.id < :before', { before: query.before });
    const rows = await qb.getMany();
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        actorType: row.actorType,
        actorId: row.actorId,
        actorName: row.actorName,
        entity: row.entity,
        entityId: row.entityId,
        action: row.action,
        before: row.before,
        after: row.after,
        requestId: row.requestId,
      })),
      nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
    };
  }
}
