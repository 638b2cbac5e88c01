import {
  can,
  changedCountingFields,
  closedMonthsTouched,
  type CorrectionSource,
  correctionReasonMissingMessage,
  lateRegistrationMessage,
  periodClosedMessage,
  type ProjectFields,
  type TouchedMonth,
  touchedByField,
} from '@zhaoshang/shared/domain';
import type { EntityManager } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { AppException } from '../../common/errors/app.exception.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { closedMonths } from '../reports/reports.service.js';

/** DOMAIN.md §5: the change would alter a figure of a closed month and is not (yet) a correction. */
export class PeriodClosed extends AppException {
  constructor(message: string, details: { field: string; message: string }[]) {
    super(409, 'PERIOD_CLOSED', message, details);
  }
}

/**
 * The closed months a change of a project alters. Nothing is read or locked when no counting field
 * changes (most edits).
 */
export async function touchedClosedMonths(em: EntityManager, projectId: string | null, before: ProjectFields | null, after: ProjectFields): Promise<TouchedMonth[]> {
  if (before !== null && changedCountingFields(before, after).length === 0) return [];
  const closed = await lockedClosedMonths(em);
  const reports = projectId === null ? new Map<string, string[]>() : await reportMonthsOf(em, [projectId]);
  return closedMonthsTouched(before, after, closed, reports.get(projectId ?? '') ?? []);
}

/** The months each project has reports for: whether its origin, region… reach a closed month's arrivals. */
export async function reportMonthsOf(em: EntityManager, projectIds: readonly string[]): Promise<Map<string, string[]>> {
  if (projectIds.length === 0) return new Map();
  const rows = await runSql<{ projectId: string; months: string[] }>(
    em,
    sql`SELECT project_id AS "projectId", array_agg(DISTINCT month::text) AS months FROM monthly_reports WHERE project_id = ANY(${[...projectIds]}::uuid[]) GROUP BY project_id`,
  );
  return new Map(rows.map((r) => [r.projectId, r.months]));
}

/** Every closed month, held until the transaction ends (see `closedMonths`: a close waits for this change, or this change sees it). */
export async function lockedClosedMonths(em: EntityManager): Promise<string[]> {
  return closedMonths(em, sql`SELECT month FROM month_closes`);
}

/**
 * A change that touches closed months goes through only as a correction: by someone with
 * `projects:correct` (city staff, admin) and with a reason. `reasonField` is where the request
 * carries the reason (`correctionReason` on PATCH, `reason` on a stage move).
 */
export function assertMayCorrect(actor: UserActor, touched: TouchedMonth[], reason: string | null, reasonField: string, creating = false): void {
  if (touched.length === 0) return;
  const mayCorrect = can(actor.role, 'projects:correct');
  // a new project: its signing date puts it in the closed months (the other fields only go with it)
  const byField = creating
    ? [{ field: 'signedAt', message: lateRegistrationMessage(touched, mayCorrect) }]
    : touchedByField(touched).map(({ field, message }) => ({ field, message }));
  if (!mayCorrect) throw new PeriodClosed(creating ? lateRegistrationMessage(touched, false) : periodClosedMessage(touched), byField);
  if (reason === null) {
    throw new PeriodClosed(creating ? lateRegistrationMessage(touched, true) : correctionReasonMissingMessage(touched), [{ field: reasonField, message: '更正已月结月份的数据必须填写更正原因' }, ...byField]);
  }
}

/** Blank is no reason. */
export function reasonOf(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The fields whose value differs, with their values before and after (what the 更正记录 page shows). */
export function changedValues(before: ProjectFields | null, after: ProjectFields): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
  // a new project: every field it was given, from nothing
  const keys = (Object.keys(after) as (keyof ProjectFields)[]).filter((k) => (before === null ? norm(after[k]) !== null && after[k] !== false : norm(before[k]) !== norm(after[k])));
  return { before: before === null ? {} : Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

export interface CorrectionRecord {
  projectId: string;
  projectNo: string;
  source: CorrectionSource;
  touched: TouchedMonth[];
  /** `stage` for a backward move, besides the counting fields responsible */
  extraFields?: string[];
  /** null for a new project */
  before: ProjectFields | null;
  after: ProjectFields;
  reason: string;
}

/**
 * One row of `corrections`, in the change's own transaction. Its time is the moment of the write
 * (clock_timestamp), after the closed months were read under lock, not the transaction's start: a
 * correction that waited for a close is then later than that close's publication, so the month shows
 * as revised (publications compare `at > published_at`).
 */
export async function recordCorrection(em: EntityManager, actor: UserActor, record: CorrectionRecord): Promise<void> {
  const months = record.touched.map((t) => t.month);
  const fields = [...(record.extraFields ?? []), ...new Set(record.touched.flatMap((t) => t.fields))];
  const { before, after } = changedValues(record.before, record.after);
  await runSql(
    em,
    sql`INSERT INTO corrections (at, actor_id, actor_name, project_id, project_no, source, months, fields, before, after, reason)
     VALUES (clock_timestamp(), ${actor.id}, ${actor.displayName}, ${record.projectId}, ${record.projectNo}, ${record.source}, ${months}::char(7)[], ${fields}::text[],
       ${JSON.stringify(before)}::jsonb, ${JSON.stringify(after)}::jsonb, ${record.reason})`,
  );
}
