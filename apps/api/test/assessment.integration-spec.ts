import { type ApiErrorBody, type AssessmentResponse, type AssessmentSettingsResponse, DEFAULT_ASSESSMENT_WEIGHTS, type MonthState, type NoticeStatus } from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 15 item 3: 考核. The admin's weights (versioned, audited, 409) and the ranking of a quarter
 * computed from the closed months' published figures and the follow-through due in the period,
 * against scores worked out by hand below.
 */
describe('考核', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let leader: string;
  let unitId: string;
  let leaderId: string;

  const weights = { ...DEFAULT_ASSESSMENT_WEIGHTS, signedAmountWan: 0.5, arrivedFundsWan: 0, issuesOnTime: 0.3, noticesOnTime: 0.2, commitmentsHonoured: 0 };

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    leader = (await t.userToken('LEADER')).token;
    unitId = (await t.request<{ id: string }>('POST', '/api/v1/units', { token: admin, body: { name: '市发展改革委', level: 'CITY' } })).body.id;
    [{ id: leaderId }] = await t.query<{ id: string }>(`INSERT INTO leaders (name, portfolio, level, version) VALUES ('副市长', '招商引资', 'CITY', 1) RETURNING id`);

    // annual targets 2025 (签约额): 2 of Q3's months will be closed, so the quarter's targets are 2/12 of them
    const targets = await t.request('PUT', '/api/v1/targets', {
      token: admin,
      body: {
        year: 2025,
        items: [
          { regionCode: '150525', indicator: 'signedAmountWan', value: '12000' }, // → 2000
          { regionCode: '150581', indicator: 'signedAmountWan', value: '24000' }, // → 4000
          { regionCode: '150523', indicator: 'signedAmountWan', value: '6000' }, // → 1000
        ],
      },
    });
    expect(targets.status).toBe(200);
    const naiman = await createProject(t, admin, { regionCode: '150525', signedAt: '2025-07-10', contractAmountWan: '1200' });
    await createProject(t, admin, { regionCode: '150525', signedAt: '2025-08-05', contractAmountWan: '1200' });
    await createProject(t, admin, { regionCode: '150525', signedAt: '2025-09-03', contractAmountWan: '5000' }); // September stays open: not counted
    const huolin = await createProject(t, admin, { regionCode: '150581', signedAt: '2025-07-20', contractAmountWan: '1000' });
    const kailu = await createProject(t, admin, { regionCode: '150523', signedAt: '2025-08-15', contractAmountWan: '1000' });

    const problem = (project: string, dueAt: string, closedAt: string | null) =>
      t.query(
        `INSERT INTO project_issues (project_id, category, description, raised_at, raised_by_name, unit_id, due_at, status, resolution, closed_at, version)
         VALUES ($1, 'LAND', '用地', '2025-06-01', '测试', $2, $3, $4, $5, $6, 1)`,
        [project, unitId, dueAt, closedAt ? 'RESOLVED' : 'OPEN', closedAt ? '已解决' : null, closedAt],
      );
    await problem(naiman.id, '2025-07-31', '2025-07-30'); // on time
    await problem(naiman.id, '2025-08-31', '2025-09-05'); // late
    await problem(naiman.id, '2025-06-30', null); // due before the quarter: not counted
    await problem(naiman.id, '2025-10-05', null); // due after it: not counted
    await problem(huolin.id, '2025-08-01', '2025-08-01'); // on its due day: on time

    let seq = 0;
    const notice = (project: string, status: NoticeStatus, deadline: string, closedAt: string | null) => {
      seq += 1;
      const issued = status !== 'PENDING_SIGNATURE';
      return t.query(
        `INSERT INTO notices (kind, status, year, seq, number, subject_type, project_id, warning_rule, recipient_unit_id, title, facts, requirement, deadline,
           drafted_by_name, signer_leader_id, issued_at, issued_by_name, closed_at, version)
         VALUES ('REMINDER', $1, $2, $3, $4, 'WARNING', $5, 'START', $6, '关于加快推进项目的通知', '事实', '要求', $7, '测试', $8, $9, $10, $11, 1)`,
        [status, issued ? 2025 : null, issued ? seq : null, issued ? `通招〔2025〕${seq}号` : null, project, unitId, deadline, leaderId, issued ? '2025-07-01' : null, issued ? '测试' : null, closedAt],
      );
    };
    await notice(naiman.id, 'CLOSED', '2025-07-15', '2025-07-14'); // closed on time
    await notice(kailu.id, 'ANSWERED', '2025-09-01', null); // answered, never closed: late
    await notice(kailu.id, 'PENDING_SIGNATURE', '2025-09-10', null); // a draft: not counted

    const commitment = (project: string, dueAt: string, status: string, at: string | null) =>
      t.query(
        `INSERT INTO policy_commitments (project_id, type, content, promised_amount_wan, due_at, unit_id, status, honoured_amount_wan, honoured_at, withdrawn_at, withdrawn_reason, recorded_at, version)
         VALUES ($1, 'SUBSIDY', '设备补贴', 100, $2, $3, $4, $5, $6, $7, $8, '2025-06-01', 1)`,
        [project, dueAt, unitId, status, status === 'HONOURED' ? 100 : status === 'PARTIAL' ? 40 : 0, status === 'HONOURED' ? at : null, status === 'WITHDRAWN' ? at : null, status === 'WITHDRAWN' ? '企业放弃' : null],
      );
    await commitment(huolin.id, '2025-08-10', 'HONOURED', '2025-08-01'); // honoured on time
    await commitment(huolin.id, '2025-09-10', 'PARTIAL', null); // partly: not honoured
    await commitment(huolin.id, '2025-07-10', 'WITHDRAWN', '2025-07-01'); // withdrawn before its due date: left out
    await commitment(naiman.id, '2025-07-10', 'HONOURED', '2025-07-20'); // honoured late
    await commitment(naiman.id, '2025-08-10', 'WITHDRAWN', '2025-08-20'); // withdrawn after its due date: not honoured

    for (const month of ['2025-07', '2025-08']) {
      const closed = await t.request<MonthState & ApiErrorBody>('POST', `/api/v1/months/${month}/close`, { token: city, body: { version: 0 } });
      expect(closed.status).toBe(200);
    }
  });
  afterAll(() => t?.stop());

  const settings = (token = leader) => t.request<AssessmentSettingsResponse & ApiErrorBody>('GET', '/api/v1/settings/assessment', { token });
  const put = (body: unknown, token = admin) => t.request<AssessmentSettingsResponse & ApiErrorBody>('PUT', '/api/v1/settings/assessment', { token, body });
  const ranking = (period: string, token = leader) => t.request<AssessmentResponse & ApiErrorBody>('GET', `/api/v1/assessment?period=${period}`, { token });

  it('keeps the weights: defaults at version 0, the admin saves them whole, 400 naming the field, 403, 409, audited', async () => {
    expect((await settings()).body).toEqual({ weights: DEFAULT_ASSESSMENT_WEIGHTS, version: 0 });

    const wrongSum = await put({ weights: { ...weights, issuesOnTime: 0.4 }, version: 0 });
    expect(wrongSum.status).toBe(400);
    expect(wrongSum.body.details).toEqual([{ field: 'weights', message: '各项权重之和应为 100%，现为 110%' }]);
    const negative = await put({ weights: { ...weights, noticesOnTime: -0.2, issuesOnTime: 0.7 }, version: 0 });
    expect(negative.status).toBe(400);
    expect(negative.body.message).toContain('督办事项按时办结率');
    expect(negative.body.details).toEqual([{ field: 'weights.noticesOnTime', message: '“督办事项按时办结率”的权重不能为负数' }]);
    expect((await put({ weights, version: 0 }, city)).status).toBe(403);

    const saved = await put({ weights, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ weights, version: 1 });
    const stale = await put({ weights: { ...weights, issuesOnTime: 0.2, noticesOnTime: 0.3 }, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('考核设置已被他人修改');
    // the same again: no new version
    expect((await put({ weights, version: 1 })).body.version).toBe(1);
    const [audit] = await t.query<{ after: { weights: typeof weights } }>(`SELECT after FROM audit_log WHERE entity = 'setting' AND entity_id = 'assessment'`);
    expect(audit.after.weights).toEqual(weights);
  });

  it('ranks the districts of a quarter as worked out by hand', async () => {
    const response = await ranking('2025-Q3');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ closedMonths: ['2025-07', '2025-08'], openMonths: ['2025-09'], judgedOn: '2025-09-30', settingsVersion: 1 });
    const row = (code: string) => response.body.rows.find((r) => r.regionCode === code);
    // 奈曼旗: 签约额 2400 ÷ 2000 = 120 % (full marks), problems 1 of 2 on time, notices 1 of 1:
    // 0.5 × 1 + 0.3 × 0.5 + 0.2 × 1 = 0.85
    expect(row('150525')).toMatchObject({ score: 85, rank: 1 });
    expect(row('150525')?.facts).toMatchObject({
      targets: [{ indicator: 'signedAmountWan', actual: '2400.00', target: '2000.00' }],
      issues: { due: 2, onTime: 1 },
      notices: { due: 1, onTime: 1 },
      commitments: { due: 2, onTime: 0 },
    });
    expect(row('150581')?.facts.commitments).toEqual({ due: 2, onTime: 1 });
    // 开鲁县: 1000 ÷ 1000 = 100 % → 1/1.2 of its points; no problem due (its weight shared out); notices 0 of 1:
    // (0.5 × 0.8333… + 0.2 × 0) ÷ 0.7 = 0.595238…
    expect(row('150523')).toMatchObject({ score: 59.52, rank: 2 });
    // 霍林郭勒市: 1000 ÷ 4000 = 25 % → 0.25/1.2; problems 1 of 1; no notice due:
    // (0.5 × 0.208333… + 0.3 × 1) ÷ 0.8 = 0.505208…
    expect(row('150581')).toMatchObject({ score: 50.52, rank: 3 });
    expect(row('150581')?.components.find((c) => c.component === 'noticesOnTime')).toMatchObject({ ratio: null, effectiveWeight: 0, points: 0 });
    // nothing to judge: no score, no rank, listed after the ranked ones
    expect(row('150502')).toMatchObject({ score: null, rank: null });
    expect(response.body.rows.slice(0, 3).map((r) => r.regionCode)).toEqual(['150525', '150523', '150581']);
    expect(response.body.rows).toHaveLength(9);
  });

  it('scores commitments honoured once they carry a weight', async () => {
    const version = (await settings()).body.version;
    const saved = await put({ weights: { ...weights, noticesOnTime: 0, commitmentsHonoured: 0.2 }, version });
    expect(saved.status).toBe(200);
    const response = await ranking('2025-Q3');
    const row = (code: string) => response.body.rows.find((r) => r.regionCode === code);
    // 开鲁县: only 签约额 applies (no problem, no commitment due): 0.8333…
    expect(row('150523')).toMatchObject({ score: 83.33, rank: 1 });
    // 奈曼旗: 0.5 × 1 + 0.3 × 0.5 + 0.2 × 0 = 0.65
    expect(row('150525')).toMatchObject({ score: 65, rank: 2 });
    // 霍林郭勒市: 0.5 × 0.208333… + 0.3 × 1 + 0.2 × 0.5 = 0.504166…
    expect(row('150581')).toMatchObject({ score: 50.42, rank: 3 });
    expect(row('150581')?.components.find((c) => c.component === 'commitmentsHonoured')).toMatchObject({ ratio: 0.5, weight: 0.2, effectiveWeight: 0.2, points: 10 });
  });

  it('counts nothing of the targets in a period without a closed month', async () => {
    const response = await ranking('2025-Q4');
    expect(response.body).toMatchObject({ closedMonths: [], openMonths: ['2025-10', '2025-11', '2025-12'] });
    expect(response.body.rows.find((r) => r.regionCode === '150525')?.facts.targets).toEqual([{ indicator: 'signedAmountWan', actual: '0.00', target: null }]);
    // the problem due 2025-10-05 is still open: 0 of 1, the only component that applies
    expect(response.body.rows.find((r) => r.regionCode === '150525')).toMatchObject({ score: 0, rank: 1 });
  });

  it('refuses a period it cannot read, naming the field', async () => {
    for (const bad of ['2025-Q5', '2025-07', 'abc']) {
      const response = await ranking(bad);
      expect(response.status).toBe(400);
      expect(response.body.details?.[0]?.field).toBe('period');
    }
  });
});
