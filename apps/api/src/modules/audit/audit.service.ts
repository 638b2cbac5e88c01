import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AuditAction, type AuditActorType, type AuditEntity, type AuditEntryDto, type AuditQuery, type Page, TARGET_INDICATOR_LABELS } from '@zhaoshang/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from '../../common/sql/sql.js';

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

/** What a list of the audit log may ask (AuditQuery), with the entities the caller may read. */
export interface AuditListQuery extends Omit<AuditQuery, 'limit' | 'entity'> {
  entity?: AuditEntity;
  /** those the caller may read (DOMAIN.md §7); the rest are left out */
  entities: readonly AuditEntity[];
  limit: number;
}

interface AuditListRow extends Omit<AuditEntryDto, 'at'> {
  at: Date;
}

/** `%`, `_` and `\` typed by a reader match themselves. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A text that is a UUID as one, else null: entity ids of several kinds share a column, and a cast must not fail. */
const asUuid = (text: SqlFragment) => sql`(CASE WHEN ${text} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN (${text})::uuid END)`;

/** `2026-03` → `2026年3月`, text functions only, so that no stored text can make it fail. */
const monthText = (text: SqlFragment) => sql`(substr(${text}, 1, 4) || '年' || ltrim(substr(${text}, 6, 2), '0') || '月')`;

/** The report's project as its snapshot names it (before and after agree; a deletion has only before). */
const reportField = (key: string) => sql`coalesce(a.after ->> ${key}, a.before ->> ${key})`;

function listConditions(query: AuditListQuery): SqlFragment[] {
  const where: SqlFragment[] = [sql`a.entity = ANY(${[...query.entities]}::varchar[])`];
  if (query.entity) where.push(sql`a.entity = ${query.entity}`);
  if (query.entityId) where.push(sql`a.entity_id = ${query.entityId}`);
  if (query.projectNo) {
    // the projects as numbered now; a project's entries through the index on (entity, entity_id), its reports' through their snapshots
    const matching = sql`SELECT p.id::text FROM projects p WHERE p.project_no ILIKE ${containsPattern(query.projectNo)}`;
    where.push(sql`((a.entity = 'project' AND a.entity_id IN (${matching})) OR (a.entity = 'monthlyReport' AND ${reportField('projectId')} IN (${matching})))`);
  }
  if (query.actor) where.push(sql`a.actor_name ILIKE ${containsPattern(query.actor)}`);
  // calendar days in Asia/Shanghai (DOMAIN.md §2), as the page shows the times
  if (query.from) where.push(sql`a.at >= (${query.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (query.to) where.push(sql`a.at < (${query.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (query.before) where.push(sql`a.id < ${query.before}::bigint`);
  return where;
}

/**
 * The record an entry is about, by the key a reader knows it by: looked up for the page's rows only,
 * so the list costs what it did.
 */
function subjectOf(): SqlFragment {
  const indicators = Object.entries(TARGET_INDICATOR_LABELS);
  return sql`CASE a.entity
      WHEN 'project' THEN p.project_no || ' ' || p.name
      WHEN 'monthlyReport' THEN rp.project_no || ' · ' || ${monthText(reportField('month'))} || ' · ' || rp.name
      WHEN 'user' THEN u.display_name || '（' || u.username || '）'
      WHEN 'apiKey' THEN k.name
      WHEN 'industry' THEN i.name || '（' || i.code || '）'
      WHEN 'month' THEN ${monthText(sql`a.entity_id`)}
      WHEN 'faiTotal' THEN coalesce(r.name, split_part(a.entity_id, ':', 1)) || ' · ' || ${monthText(sql`split_part(a.entity_id, ':', 2)`)}
      WHEN 'target' THEN coalesce(r.name, split_part(a.entity_id, ':', 1)) || ' · ' || split_part(a.entity_id, ':', 2) || '年 · '
        || coalesce((SELECT t.label FROM unnest(${indicators.map(([key]) => key)}::varchar[], ${indicators.map(([, label]) => label)}::varchar[]) AS t(key, label)
          WHERE t.key = split_part(a.entity_id, ':', 3)), split_part(a.entity_id, ':', 3))
      WHEN 'setting' THEN CASE a.entity_id WHEN 'warnings' THEN '预警规则' WHEN 'notices' THEN '三单一函设置' WHEN 'issues' THEN '问题办理时限' ELSE a.entity_id END
      WHEN 'leader' THEN (SELECT l.name FROM leaders l WHERE l.id::text = a.entity_id)
      WHEN 'unit' THEN (SELECT un.name FROM units un WHERE un.id::text = a.entity_id)
      WHEN 'notice' THEN (SELECT coalesce(n.number, '（草稿）') || ' ' || n.title FROM notices n WHERE n.id::text = a.entity_id)
      WHEN 'commitment' THEN (SELECT cp.project_no || ' · ' || left(pc.content, 30) FROM policy_commitments pc JOIN projects cp ON cp.id = pc.project_id WHERE pc.id::text = a.entity_id)
      WHEN 'projectIssue' THEN (SELECT ip.project_no || ' · ' || left(pi.description, 30) FROM project_issues pi JOIN projects ip ON ip.id = pi.project_id WHERE pi.id::text = a.entity_id)
    END`;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the audit row with the manager of the change's own transaction: both land or neither. */
  record(manager: EntityManager, actor: Actor, change: AuditChange): Promise<void> {
    return writeAudit(manager, actor, [change]);
  }

  /** Newest first; `entities`: those the caller may read (DOMAIN.md §7), the rest are left out. */
  async list(query: AuditListQuery): Promise<Page<AuditEntryDto>> {
    const rows = await runSql<AuditListRow>(
      this.dataSource,
      sql`WITH page AS (
        SELECT a.* FROM audit_log a WHERE ${sql.join(listConditions(query), sql` AND `)} ORDER BY a.id DESC LIMIT ${query.limit + 1}
      )
      SELECT a.id::text AS id, a.at, a.actor_type AS "actorType", a.actor_id AS "actorId", a.actor_name AS "actorName", a.entity,
        a.entity_id AS "entityId", a.action, a.before, a.after, a.request_id AS "requestId", ${subjectOf()} AS subject
      FROM page a
      LEFT JOIN projects p ON a.entity = 'project' AND p.id = ${asUuid(sql`a.entity_id`)}
      LEFT JOIN projects rp ON a.entity = 'monthlyReport' AND rp.id = ${asUuid(reportField('projectId'))}
      LEFT JOIN users u ON a.entity = 'user' AND u.id = ${asUuid(sql`a.entity_id`)}
      LEFT JOIN api_keys k ON a.entity = 'apiKey' AND k.id = ${asUuid(sql`a.entity_id`)}
      LEFT JOIN industries i ON a.entity = 'industry' AND i.code = a.entity_id
      LEFT JOIN regions r ON a.entity IN ('faiTotal', 'target') AND r.code = split_part(a.entity_id, ':', 1)
      ORDER BY a.id DESC`,
    );
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => ({ ...row, at: row.at.toISOString() })),
      nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
    };
  }
}
