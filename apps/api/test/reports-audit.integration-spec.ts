import { type ApiErrorBody, type ImportResult, type ProjectDetailDto, type ReportsChanged } from '@zhaoshang/shared/domain';
import { csv, MONTHLY_HEADER, upload } from './fixtures/imports/files.js';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

interface AuditRow {
  entity: string;
  entity_id: string;
  action: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What identifies the record or the moment rather than what was written. */
const IDENTITY = ['id', 'projectId', 'projectNo', 'version', 'submittedAt', 'verifiedAt'];
const withoutIdentity = (snapshot: Record<string, unknown> | null) =>
  snapshot && Object.fromEntries(Object.entries(snapshot).filter(([key]) => !IDENTITY.includes(key)));
const changedFields = (row: AuditRow) =>
  Object.keys(row.after ?? {})
    .filter((key) => !IDENTITY.includes(key) && JSON.stringify(row.before?.[key] ?? null) !== JSON.stringify(row.after?.[key]))
    .sort();

/**
 * The monthly reports' audit trail does not depend on the way in: the district's grid and an import of
 * the same figures write the same rows (entity, action, actor, the snapshot's fields and values), so
 * the audit page and the project history read both alike. Only the status differs, by design: the
 * grid saves drafts, an import files the reports (待核实).
 */
describe('monthly report audit: grid save and import write the same rows', () => {
  let t: TestApp;
  let district: string;
  let viaGrid: ProjectDetailDto;
  let viaImport: ProjectDetailDto;
  const month = '2025-06';
  const first = { arrivedEquityWan: '100', arrivedLoanWan: '20.5', arrivedOtherWan: '0', completedInvestmentWan: '300', progress: '土建施工' };
  const second = { arrivedEquityWan: '150.25', arrivedLoanWan: '20.5', arrivedOtherWan: '3', completedInvestmentWan: '420', progress: '主体封顶' };

  beforeAll(async () => {
    t = await TestApp.start();
    const admin = await t.adminToken();
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    viaGrid = await createProject(t, admin, { name: '审计一致甲', signedAt: '2025-03-01' });
    viaImport = await createProject(t, admin, { name: '审计一致乙', signedAt: '2025-03-01' });
  });
  afterAll(() => t?.stop());

  const save = async (project: ProjectDetailDto, figures: typeof first, version: number | null) => {
    const response = await t.request<ReportsChanged & ApiErrorBody>('PUT', '/api/v1/monthly-reports/drafts', {
      token: district,
      body: { regionCode: '150525', month, items: [{ projectId: project.id, version, ...figures }] },
    });
    expect(response.status).toBe(200);
    return response.body.items[0];
  };
  const importFigures = async (project: ProjectDetailDto, figures: typeof first) => {
    const row = [project.projectNo, month, figures.arrivedEquityWan, figures.arrivedLoanWan, figures.arrivedOtherWan, figures.completedInvestmentWan, figures.progress, null];
    const response = await upload<ImportResult & ApiErrorBody>(t, district, csv([MONTHLY_HEADER, row]), '月报.csv', { kind: 'monthly' });
    expect(response.status).toBe(200);
    return response.body;
  };
  const lastAudit = async (project: ProjectDetailDto): Promise<AuditRow> => {
    const [row] = await t.query<AuditRow>(
      `SELECT a.entity, a.entity_id, a.action, a.actor_type, a.actor_id, a.actor_name, a.before, a.after
       FROM audit_log a JOIN monthly_reports m ON a.entity_id = m.id::text WHERE m.project_id = $1 ORDER BY a.id DESC LIMIT 1`,
      [project.id],
    );
    return row;
  };

  it('writes the same row for a created report', async () => {
    const saved = await save(viaGrid, first, null);
    expect(await importFigures(viaImport, first)).toMatchObject({ created: 1, updated: 0 });
    const grid = await lastAudit(viaGrid);
    const imported = await lastAudit(viaImport);

    expect(grid).toMatchObject({ entity: 'monthlyReport', entity_id: saved.id, action: 'CREATE', actor_type: 'USER', before: null });
    expect({ ...imported, entity_id: undefined, after: undefined }).toEqual({ ...grid, entity_id: undefined, after: undefined });
    expect(Object.keys(imported.after ?? {}).sort()).toEqual(Object.keys(grid.after ?? {}).sort());
    expect({ ...withoutIdentity(imported.after), status: 'DRAFT' }).toEqual(withoutIdentity(grid.after));
    expect(grid.after).toMatchObject({ projectNo: viaGrid.projectNo, regionCode: '150525', month, arrivedEquityWan: '100.00', arrivedLoanWan: '20.50', status: 'DRAFT', submittedAt: null });
    expect(imported.after).toMatchObject({ projectNo: viaImport.projectNo, status: 'SUBMITTED', submittedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) });
  });

  it('writes the same row for a changed draft, before and after alike', async () => {
    // the imported report is a draft again, as the grid's is, so that both start from the same state
    await t.query(`UPDATE monthly_reports SET status = 'DRAFT', submitted_at = NULL WHERE project_id = $1`, [viaImport.id]);
    const [{ version }] = await t.query<{ version: number }>('SELECT version FROM monthly_reports WHERE project_id = $1', [viaGrid.id]);
    await save(viaGrid, second, version);
    expect(await importFigures(viaImport, second)).toMatchObject({ created: 0, updated: 1 });
    const grid = await lastAudit(viaGrid);
    const imported = await lastAudit(viaImport);

    expect(grid).toMatchObject({ entity: 'monthlyReport', action: 'UPDATE' });
    expect(imported).toMatchObject({ entity: grid.entity, action: grid.action, actor_type: grid.actor_type, actor_id: grid.actor_id, actor_name: grid.actor_name });
    expect(withoutIdentity(imported.before)).toEqual(withoutIdentity(grid.before));
    expect(Object.keys(imported.before ?? {}).sort()).toEqual(Object.keys(grid.before ?? {}).sort());
    expect({ ...withoutIdentity(imported.after), status: 'DRAFT' }).toEqual(withoutIdentity(grid.after));
    // the same fields changed, the import's filing aside
    expect(changedFields(imported).filter((key) => key !== 'status')).toEqual(changedFields(grid));
    expect(changedFields(grid)).toEqual(['arrivedEquityWan', 'arrivedOtherWan', 'completedInvestmentWan', 'progress']);
  });
});
