import { type ApiErrorBody, type FollowThroughSummary, type NoticeKind, type NoticeStatus, shanghaiToday } from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 14 item 4: the 跟踪落实 figures of the dashboard and the 月调度表 — problems open, overdue and
 * 办结率, notices issued in the period and overdue by kind, per district and for the scope, judged on
 * the period's last day from history (rows inserted here, closed before, on and after that day).
 */
describe('跟踪落实汇总', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;
  let district: string;
  let unitId: string;
  let leaderId: string;
  const ids = {} as Record<'a' | 'b' | 'c', string>;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    leader = (await t.userToken('LEADER')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    unitId = (await t.request<{ id: string }>('POST', '/api/v1/units', { token: admin, body: { name: '市自然资源局', level: 'CITY' } })).body.id;
    [{ id: leaderId }] = await t.query<{ id: string }>(`INSERT INTO leaders (name, portfolio, level, version) VALUES ('常务副市长', '招商引资', 'CITY', 1) RETURNING id`);
    ids.a = (await createProject(t, admin, { regionCode: '150581', signedAt: '2025-01-05' })).id;
    ids.b = (await createProject(t, admin, { regionCode: '150581', signedAt: '2025-01-05' })).id;
    ids.c = (await createProject(t, admin, { regionCode: '150525', signedAt: '2025-01-05' })).id;

    const problem = (project: string, raisedAt: string, dueAt: string, closedAt: string | null = null) =>
      t.query(
        `INSERT INTO project_issues (project_id, category, description, raised_at, raised_by_name, unit_id, due_at, status, resolution, closed_at, version)
         VALUES ($1, 'LAND', '用地', $2, '测试', $3, $4, $5, $6, $7, 1)`,
        [project, raisedAt, unitId, dueAt, closedAt ? 'RESOLVED' : 'OPEN', closedAt ? '已解决' : null, closedAt],
      );
    await problem(ids.a, '2025-03-01', '2025-04-01'); // open, overdue
    await problem(ids.a, '2025-05-01', '2025-07-15'); // open, not yet due
    await problem(ids.a, '2025-02-01', '2025-03-01', '2025-06-10'); // closed in the period
    await problem(ids.b, '2025-04-01', '2025-05-01', '2025-07-05'); // closed after the day: open and overdue on it
    await problem(ids.b, '2025-07-02', '2025-07-20'); // raised after the day: not counted
    await problem(ids.c, '2025-01-10', '2025-06-30'); // due on the day itself: open, not overdue

    let seq = 0;
    const notice = (project: string, kind: NoticeKind, status: NoticeStatus, issuedAt: string | null, deadline: string, closedAt: string | null = null) => {
      seq += 1;
      const issued = issuedAt !== null;
      return t.query(
        `INSERT INTO notices (kind, status, year, seq, number, subject_type, project_id, warning_rule, recipient_unit_id, title, facts, requirement, deadline,
           drafted_by_name, signer_leader_id, issued_at, issued_by_name, closed_at, version)
         VALUES ($1, $2, $3, $4, $5, 'WARNING', $6, 'START', $7, '关于加快推进项目的通知', '事实', '要求', $8, '测试', $9, $10, $11, $12, 1)`,
        [kind, status, issued ? 2025 : null, issued ? seq : null, issued ? `通招〔2025〕${seq}号` : null, project, unitId, deadline, leaderId, issuedAt, issued ? '测试' : null, closedAt],
      );
    };
    await notice(ids.a, 'REMINDER', 'CLOSED', '2025-04-05', '2025-04-15', '2025-04-14'); // issued, closed on time
    await notice(ids.a, 'URGE', 'ANSWERED', '2025-05-01', '2025-05-10'); // issued, answered but not closed: overdue
    await notice(ids.b, 'SUPERVISE', 'ISSUED', '2025-06-20', '2025-07-10'); // issued, deadline after the day
    await notice(ids.c, 'REMINDER', 'CLOSED', '2024-12-20', '2025-01-05', '2025-07-02'); // issued before the period, overdue on the day
    await notice(ids.a, 'TRANSFER', 'PENDING_SIGNATURE', null, '2025-06-01'); // a draft: neither issued nor overdue
    await notice(ids.b, 'REMINDER', 'ISSUED', '2025-07-03', '2025-07-04'); // issued after the day
  });
  afterAll(() => t?.stop());

  const summary = (query: string, token = leader) => t.request<FollowThroughSummary & ApiErrorBody>('GET', `/api/v1/follow-through/summary${query}`, { token });
  const none = { issued: 0, overdue: 0 };

  it('counts per district and for the city on the period’s last day', async () => {
    const response = await summary('?from=2025-01&to=2025-06');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ from: '2025-01', to: '2025-06', region: '150500', asOf: '2025-06-30' });
    expect(response.body.rows).toHaveLength(9);
    const row = (code: string) => response.body.rows.find((r) => r.regionCode === code);
    expect(row('150581')).toEqual({
      regionCode: '150581',
      regionName: '霍林郭勒市',
      problems: { total: 4, open: 3, overdue: 2, closed: 1, closedRate: 0.25 },
      notices: { REMINDER: { issued: 1, overdue: 0 }, URGE: { issued: 1, overdue: 1 }, SUPERVISE: { issued: 1, overdue: 0 }, TRANSFER: none },
    });
    expect(row('150525')).toMatchObject({ problems: { total: 1, open: 1, overdue: 0, closed: 0, closedRate: 0 }, notices: { REMINDER: { issued: 0, overdue: 1 } } });
    expect(row('150502')).toEqual({
      regionCode: '150502',
      regionName: '科尔沁区',
      problems: { total: 0, open: 0, overdue: 0, closed: 0, closedRate: null },
      notices: { REMINDER: none, URGE: none, SUPERVISE: none, TRANSFER: none },
    });
    expect(response.body.total).toEqual({
      problems: { total: 5, open: 4, overdue: 2, closed: 1, closedRate: 0.2 },
      notices: { REMINDER: { issued: 1, overdue: 1 }, URGE: { issued: 1, overdue: 1 }, SUPERVISE: { issued: 1, overdue: 0 }, TRANSFER: none },
    });
  });

  it('gives a district’s own figures as the total when one is chosen, and follows the period', async () => {
    const response = await summary('?from=2025-06&to=2025-06&region=150581', district);
    expect(response.status).toBe(200);
    expect(response.body.region).toBe('150581');
    // only the 督办单 was issued in June; the states are the same day's
    expect(response.body.total).toEqual({
      problems: { total: 4, open: 3, overdue: 2, closed: 1, closedRate: 0.25 },
      notices: { REMINDER: none, URGE: { issued: 0, overdue: 1 }, SUPERVISE: { issued: 1, overdue: 0 }, TRANSFER: none },
    });
    // on 2025-07-31 the 霍林郭勒 problem closed on 07-05 is closed, those due on 07-15 and 07-20 (raised 07-02) overdue
    const july = await summary('?from=2025-07&to=2025-07&region=150581');
    expect(july.body.total.problems).toEqual({ total: 5, open: 3, overdue: 3, closed: 2, closedRate: 0.4 });
    expect(july.body.total.notices.REMINDER).toEqual({ issued: 1, overdue: 1 });
  });

  it('judges the period under way on today', async () => {
    const today = shanghaiToday();
    const response = await summary(`?from=${today.slice(0, 7)}&to=${today.slice(0, 7)}`);
    expect(response.body.asOf).toBe(today);
    expect(response.body.total.problems).toMatchObject({ total: 6, open: 4, overdue: 4, closed: 2 });
  });

  it('names the field of a bad query, and is for signed-in users only', async () => {
    expect((await summary('?from=2025-07&to=2025-06')).body.details).toEqual([{ field: 'from', message: '起始月份不能晚于截止月份' }]);
    const unknown = await summary('?from=2025-01&to=2025-06&region=999999');
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'region', message: '地区代码不存在：999999' }]);
    expect((await summary('?from=2025-13&to=2025-06')).body.details?.[0]?.field).toBe('from');
    expect((await summary('?to=2025-06')).status).toBe(400);
    const key = await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局', scopes: ['read'] } });
    expect((await t.request('GET', '/api/v1/follow-through/summary?from=2025-01&to=2025-06', { apiKey: key.body.key })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/follow-through/summary?from=2025-01&to=2025-06', {})).status).toBe(401);
  });
});
