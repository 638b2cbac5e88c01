import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (issue 16, DOMAIN.md §10): subscriptions, the outbox of events and the delivery queue.
 *
 * Events are written by triggers, not by calls in each service: every change of a project, a report,
 * a month, an FAI figure or a notice already writes its audit row in the change's own transaction
 * (set-based imports and batch verification included), so a statement trigger on audit_log turns
 * those rows into events in that same transaction: nothing that is audited can be forgotten, and an
 * event exists exactly when its change committed. A second trigger fans each event out to the
 * subscriptions that want it (paused ones too: they keep their backlog) and wakes the workers.
 */

export class AddWebhooks1795550000000 implements MigrationInterface {
  name = 'AddWebhooks1795550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "type" character varying(40) NOT NULL, "project_id" uuid, "order_key" character varying(80), "entity_id" character varying(100), "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_4cba37e6a0acb5e1fc49c34ebfd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_webhook_events_notice_overdue" ON "webhook_events"  ("entity_id") WHERE "type" = 'notice.overdue'`);
    await queryRunner.query(`CREATE TABLE "webhook_subscriptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "url" character varying(500) NOT NULL, "events" text array NOT NULL, "secret" character varying(100) NOT NULL, "status" character varying(10) NOT NULL, "paused_reason" character varying(200), "paused_at" TIMESTAMP WITH TIME ZONE, "auto_paused" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_webhook_subscriptions_status" CHECK ("status" IN ('ACTIVE', 'PAUSED')), CONSTRAINT "PK_bf631ae77d39849d599817fb6f4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "webhook_deliveries" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "subscription_id" uuid NOT NULL, "event_id" bigint NOT NULL, "order_key" character varying(80), "status" character varying(10) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "leased_until" TIMESTAMP WITH TIME ZONE, "lease_token" uuid, "first_attempt_at" TIMESTAMP WITH TIME ZONE, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "response_code" integer, "duration_ms" integer, "error" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "chk_webhook_deliveries_status" CHECK ("status" IN ('PENDING', 'SUCCEEDED', 'FAILED')), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_webhook_deliveries_log" ON "webhook_deliveries"  ("subscription_id", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_webhook_deliveries_order" ON "webhook_deliveries"  ("subscription_id", "order_key", "event_id") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX "idx_webhook_deliveries_due" ON "webhook_deliveries"  ("next_attempt_at") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_webhook_deliveries_event" ON "webhook_deliveries"  ("subscription_id", "event_id") `);
    await queryRunner.query(`ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "FK_14b3f82f583acc3d608ed70c374" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_23eb2b6ae801c52cfb79a556b8a" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_27d1ee90033bdafe0ffe8f1be6f" FOREIGN KEY ("event_id") REFERENCES "webhook_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE FUNCTION webhook_events_from_audit() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- only types somebody subscribes to: without subscriptions, imports and demo data write no events.
  -- The joins cast the audit row's text id to the table's key (only for its own entity, so that no
  -- other entity's id is cast), so each finds its row by primary key.
  IF NOT EXISTS (SELECT 1 FROM webhook_subscriptions) THEN RETURN NULL; END IF;
  INSERT INTO webhook_events (type, project_id, order_key, entity_id, payload)
  SELECT e.type, e.project_id, e.order_key, e.entity_id,
    jsonb_build_object('type', e.type, 'timestamp', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', e.data)
  FROM (
    SELECT a.id AS audit_id, 1 AS seq, CASE a.action WHEN 'CREATE' THEN 'project.created' ELSE 'project.updated' END AS type,
      p.id AS project_id, p.id::text AS order_key, p.id::text AS entity_id, a.at,
      jsonb_build_object('projectId', p.id, 'projectNo', p.project_no, 'regionCode', p.region_code, 'stage', p.stage, 'version', p.version) AS data
    FROM new_rows a JOIN projects p ON p.id = (CASE WHEN a.entity = 'project' THEN a.entity_id END)::uuid
    WHERE a.entity = 'project' AND a.action IN ('CREATE', 'UPDATE')
    UNION ALL
    SELECT a.id, 2, 'project.stage_changed', p.id, p.id::text, p.id::text, a.at,
      jsonb_build_object('projectId', p.id, 'projectNo', p.project_no, 'regionCode', p.region_code, 'from', a.before ->> 'stage', 'to', a.after ->> 'stage', 'version', p.version)
    FROM new_rows a JOIN projects p ON p.id = (CASE WHEN a.entity = 'project' THEN a.entity_id END)::uuid
    WHERE a.entity = 'project' AND a.action = 'UPDATE' AND (a.before ->> 'stage') IS DISTINCT FROM (a.after ->> 'stage')
    UNION ALL
    -- a report entering a status; a verified report whose figures change (a correction) is verified again
    SELECT a.id, 1, CASE m.status WHEN 'SUBMITTED' THEN 'report.submitted' WHEN 'VERIFIED' THEN 'report.verified' ELSE 'report.returned' END,
      m.project_id, m.project_id::text, m.id::text, a.at,
      jsonb_build_object('reportId', m.id, 'projectId', m.project_id, 'projectNo', p.project_no, 'regionCode', p.region_code, 'month', m.month,
        'status', m.status, 'completedInvestmentWan', m.completed_investment_wan::text, 'version', m.version)
    FROM new_rows a JOIN monthly_reports m ON m.id = (CASE WHEN a.entity = 'monthlyReport' THEN a.entity_id END)::uuid JOIN projects p ON p.id = m.project_id
    WHERE a.entity = 'monthlyReport' AND m.status::text IN ('SUBMITTED', 'VERIFIED', 'RETURNED')
      AND ((a.before ->> 'status') IS DISTINCT FROM m.status::text OR (m.status = 'VERIFIED' AND a.before IS DISTINCT FROM a.after))
    UNION ALL
    SELECT a.id, 1, CASE a.action WHEN 'CLOSE' THEN 'month.closed' ELSE 'month.reopened' END, NULL, 'month', c.month, a.at,
      jsonb_build_object('month', c.month, 'closed', c.closed, 'version', c.version)
    FROM new_rows a JOIN month_closes c ON c.month = (CASE WHEN a.entity = 'month' THEN a.entity_id END)::char(7)
    WHERE a.entity = 'month' AND a.action IN ('CLOSE', 'REOPEN')
    UNION ALL
    SELECT a.id, 1, 'fai.updated', NULL, 'fai:' || f.region_code, a.entity_id, a.at,
      jsonb_build_object('regionCode', f.region_code, 'month', f.month, 'amountWan', f.amount_wan::text, 'version', f.version)
    FROM new_rows a JOIN fai_totals f ON a.entity = 'faiTotal' AND f.region_code = split_part(a.entity_id, ':', 1) AND f.month = split_part(a.entity_id, ':', 2)::char(7)
    WHERE a.entity = 'faiTotal'
    UNION ALL
    SELECT a.id, 1, 'notice.issued', n.project_id, n.project_id::text, n.id::text, a.at,
      jsonb_build_object('noticeId', n.id, 'projectId', n.project_id, 'kind', n.kind, 'number', n.number, 'deadline', n.deadline, 'version', n.version)
    FROM new_rows a JOIN notices n ON n.id = (CASE WHEN a.entity = 'notice' THEN a.entity_id END)::uuid
    WHERE a.entity = 'notice' AND n.status = 'ISSUED' AND (a.before ->> 'status') IS DISTINCT FROM 'ISSUED'
  ) e
  WHERE EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE e.type = ANY(s.events))
  ORDER BY e.audit_id, e.seq;
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(`CREATE TRIGGER trg_audit_log_webhooks AFTER INSERT ON audit_log REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_events_from_audit()`);
    await queryRunner.query(`CREATE FUNCTION webhook_deliveries_from_events() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO webhook_deliveries (subscription_id, event_id, order_key)
  SELECT s.id, e.id, e.order_key FROM new_rows e JOIN webhook_subscriptions s ON e.type = ANY(s.events) ORDER BY e.id;
  IF FOUND THEN PERFORM pg_notify('zhaoshang_webhooks', ''); END IF;
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(`CREATE TRIGGER trg_webhook_events_fan_out AFTER INSERT ON webhook_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_deliveries_from_events()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_webhook_events_fan_out ON webhook_events`);
    await queryRunner.query(`DROP FUNCTION webhook_deliveries_from_events()`);
    await queryRunner.query(`DROP TRIGGER trg_audit_log_webhooks ON audit_log`);
    await queryRunner.query(`DROP FUNCTION webhook_events_from_audit()`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_27d1ee90033bdafe0ffe8f1be6f"`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_23eb2b6ae801c52cfb79a556b8a"`);
    await queryRunner.query(`ALTER TABLE "webhook_subscriptions" DROP CONSTRAINT "FK_14b3f82f583acc3d608ed70c374"`);
    await queryRunner.query(`DROP INDEX "public"."uq_webhook_deliveries_event"`);
    await queryRunner.query(`DROP INDEX "public"."idx_webhook_deliveries_due"`);
    await queryRunner.query(`DROP INDEX "public"."idx_webhook_deliveries_order"`);
    await queryRunner.query(`DROP INDEX "public"."idx_webhook_deliveries_log"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_subscriptions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_webhook_events_notice_overdue"`);
    await queryRunner.query(`DROP TABLE "webhook_events"`);
  }
}
