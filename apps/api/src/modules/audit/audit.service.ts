import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditAction, AuditActorType, AuditEntity, AuditEntryDto, Page } from '@zhaoshang/shared/domain';
import { type EntityManager, Repository } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from '../../common/sql/sql.js';
import { AuditEntry } from './entities/audit-entry.entity.js';

export interface AuditChange {
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  before: object | null;
  after: object | null;
}

/** Who made a change, as the audit log's columns store it. */
interface AuditActorColumns {
  actorType: AuditActorType;
  actorId: string | null;
  actorName: string;
  requestId: string | null;
}

function auditActorColumns(actor: Actor): AuditActorColumns {
  return {
    actorType: actor.kind === 'user' ? 'USER' : actor.kind === 'apiKey' ? 'API_KEY' : 'SYSTEM',
    actorId: actor.kind === 'system' ? null : actor.id,
    actorName: actor.kind === 'user' ? `${actor.displayName}（${actor.username}）` : actor.kind === 'apiKey' ? `API 密钥：${actor.name}` : '系统',
    requestId: actor.requestId,
  };
}

/** Keys never written to the audit log, whatever the entity. */
const SECRET_KEYS = new Set(['passwordHash', 'keyHash']);

function snapshot(value: object | null): string | null {
  if (value === null) return null;
  const plain = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  for (const key of SECRET_KEYS) delete plain[key];
  return JSON.stringify(plain);
}

/**
 * The one statement that writes the audit log: `rows` is a query giving, per changed record of
 * `entity`, the columns (entity_id, action, before, after); the actor's columns are added here. Set-
 * based writers (imports, the demo data) put it in their own statement, e.g. as a data-modifying
 * CTE followed by `RETURNING action`, so that the change and its audit land together.
 */
export function auditInsert(actor: Actor, entity: AuditEntity, rows: SqlFragment): SqlFragment {
  const who = auditActorColumns(actor);
  return sql`INSERT INTO audit_log (actor_type, actor_id, actor_name, entity, entity_id, action, before, after, request_id)
    SELECT ${who.actorType}, ${who.actorId}, ${who.actorName}, ${entity}, c.entity_id, c.action, c.before, c.after, ${who.requestId}
    FROM (${rows}) AS c(entity_id, action, before, after)`;
}

/**
 * Audit rows for changes made in JavaScript, one statement per entity (one array per column through
 * unnest), with the runner of the change's own transaction: both land or neither.
 */
export async function writeAudit(runner: SqlRunner, actor: Actor, changes: readonly AuditChange[]): Promise<void> {
  const byEntity = new Map<AuditEntity, AuditChange[]>();
  for (const change of changes) byEntity.set(change.entity, [...(byEntity.get(change.entity) ?? []), change]);
  for (const [entity, group] of byEntity) {
    const rows = sql`SELECT * FROM unnest(${group.map((c) => c.entityId)}::varchar[], ${group.map((c) => c.action)}::varchar[],
      ${group.map((c) => snapshot(c.before))}::jsonb[], ${group.map((c) => snapshot(c.after))}::jsonb[])`;
    await runSql(runner, auditInsert(actor, entity, rows));
  }
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Writes the audit row with the manager of the change's own transaction: both land or neither. */
  record(manager: EntityManager, actor: Actor, change: AuditChange): Promise<void> {
    return writeAudit(manager, actor, [change]);
  }

  /** `entities`: those the caller may read (DOMAIN.md §7); the rest are left out. */
  async list(query: { entity?: AuditEntity; entities: readonly AuditEntity[]; entityId?: string; limit: number; before?: string }): Promise<Page<AuditEntryDto>> {
    const qb = this.entries.createQueryBuilder('a').orderBy('a.id', 'DESC').limit(query.limit + 1);
    qb.andWhere('a.entity IN (:...entities)', { entities: query.entities });
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
