import {
  addWorkingDays,
  type ApiErrorBody,
  type AuditEntryDto,
  DEFAULT_NOTICE_SETTINGS,
  type EscalationResponse,
  type LeaderDto,
  type NoticeComposeResponse,
  type NoticeDto,
  type NoticeListResponse,
  type NoticeSettingsResponse,
  type NoticeStatsResponse,
  type PolicyCommitmentDetailDto,
  type ProjectIssueDetailDto,
  type UnitDto,
} from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 14 item 3 (DOMAIN.md §9, §7): 三单一函 — 提醒单 → 催办单 → 督办单 → 移交函. The walk runs on
 * the test clock (ZS_TEST_CLOCK, header X-Test-Today), so deadlines in working days, overdue and
 * 待升级 are checked on fixed days, not on whatever day the suite runs.
 */
describe('三单一函', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let naiman: string;
  let kailu: string;
  let leader: { token: string; id: string };
  let otherLeader: { token: string; id: string };
  let signer: LeaderDto;
  let unlinked: LeaderDto;
  let cityUnit: UnitDto;
  let naimanUnit: UnitDto;
  const p = {} as Record<'naiman' | 'kailu', { id: string; name: string }>;

  beforeAll(async () => {
    t = await TestApp.start({ testClock: true });
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    naiman = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    kailu = (await t.userToken('DISTRICT_STAFF', '150523')).token;
    leader = await t.userToken('LEADER');
    otherLeader = await t.userToken('LEADER');
    signer = (await t.request<LeaderDto>('POST', '/api/v1/leaders', { token: admin, body: { name: '常务副市长 王某', level: 'CITY', userId: leader.id } })).body;
    await t.request<LeaderDto>('POST', '/api/v1/leaders', { token: admin, body: { name: '副市长 李某', level: 'CITY', userId: otherLeader.id } });
    unlinked = (await t.request<LeaderDto>('POST', '/api/v1/leaders', { token: admin, body: { name: '副市长 赵某', level: 'CITY' } })).body;
    cityUnit = (await t.request<UnitDto>('POST', '/api/v1/units', { token: admin, body: { name: '市自然资源局', level: 'CITY' } })).body;
    naimanUnit = (await t.request<UnitDto>('POST', '/api/v1/units', { token: admin, body: { name: '奈曼旗自然资源局', level: 'DISTRICT', regionCode: '150525' } })).body;
    p.naiman = await createProject(t, admin, { regionCode: '150525', signedAt: '2025-03-01' });
    p.kailu = await createProject(t, admin, { regionCode: '150523', signedAt: '2025-03-01' });
    // 国庆: 10月1日–7日 off, Saturday 10月10日 a working day (调休); deadlines are in working days
    const settings = { ...DEFAULT_NOTICE_SETTINGS, holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], extraWorkdays: ['2026-10-10'] };
    const saved = await t.request<NoticeSettingsResponse>('PUT', '/api/v1/settings/notices', { token: admin, body: { settings, version: 0 } });
    expect(saved.status).toBe(200);
  });
  afterAll(() => t?.stop());

  const on = (day: string) => ({ 'x-test-today': day });
  const req = <T>(method: string, path: string, token: string, day: string, body?: unknown) => t.request<T & ApiErrorBody>(method, path, { token, body, headers: on(day) });
  const raise = async (token: string, projectId: string, day: string, over: Record<string, unknown> = {}) => {
    const r = await req<ProjectIssueDetailDto>('POST', '/api/v1/project-issues', token, day, { projectId, category: 'LAND', description: '用地指标未落实', unitId: naimanUnit.id, raisedAt: day, ...over });
    if (r.status !== 201) throw new Error(`raise: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const issue = (token: string, day: string, body: Record<string, unknown>) =>
    req<NoticeDto>('POST', '/api/v1/notices', token, day, { facts: '事实', requirement: '要求', recipientUnitId: naimanUnit.id, ...body });
  const act = (token: string, day: string, notice: { id: string; version: number }, action: string, body: Record<string, unknown> = {}) =>
    req<NoticeDto>('POST', `/api/v1/notices/${notice.id}/${action}`, token, day, { version: notice.version, ...body });

  it('walks the ladder: 提醒单 → 催办单 from 待升级 → 督办单 drafted, returned, edited, signed by its leader, answered by the district, closed', async () => {
    const problem = await raise(naiman, p.naiman.id, '2026-11-02', { description: '项目用地指标未落实，影响开工' });

    // 提醒单: issued at once, numbered, due 7 working days after the day of issue
    const composeReminder = await req<NoticeComposeResponse>('GET', `/api/v1/notices/compose?kind=REMINDER&subjectType=ISSUE&issueId=${problem.id}`, city, '2026-11-02');
    expect(composeReminder.status).toBe(200);
    expect(composeReminder.body).toMatchObject({ kind: 'REMINDER', title: `关于${p.naiman.name}用地问题的提醒单`, recipientUnitId: naimanUnit.id, deadline: '2026-11-11', previousNoticeId: null });
    expect(composeReminder.body.facts).toContain('项目用地指标未落实，影响开工');
    expect(composeReminder.body.requirement).toContain('7个工作日内');
    const { kind: _k, previousNoticeId: _p, ...suggested } = composeReminder.body;
    const reminder = await issue(city, '2026-11-02', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id, ...suggested, deadline: undefined });
    expect(reminder.status).toBe(201);
    expect(reminder.body).toMatchObject({ kind: 'REMINDER', status: 'ISSUED', number: '通招提〔2026〕1号', issuedAt: '2026-11-02', deadline: '2026-11-11', projectId: p.naiman.id, overdue: false });

    // nothing to escalate before the deadline; the day after it, the 提醒单 is overdue and 催办单 is proposed
    expect((await req<EscalationResponse>('GET', '/api/v1/notices/escalations', city, '2026-11-11')).body.items).toEqual([]);
    const due = await req<EscalationResponse>('GET', '/api/v1/notices/escalations', leader.token, '2026-11-12');
    expect(due.body.items).toEqual([
      expect.objectContaining({ subjectType: 'ISSUE', issueId: problem.id, latestNoticeId: reminder.body.id, latestKind: 'REMINDER', workingDaysOverdue: 1, proposedKind: 'URGE', summary: '项目用地指标未落实，影响开工' }),
    ]);
    expect((await req<NoticeDto>('GET', `/api/v1/notices/${reminder.body.id}`, naiman, '2026-11-12')).body.overdue).toBe(true);

    // 催办单 from the 待升级 item: compose finds the 提醒单 as the previous rung
    const composeUrge = await req<NoticeComposeResponse>('GET', `/api/v1/notices/compose?kind=URGE&subjectType=ISSUE&issueId=${problem.id}`, city, '2026-11-12');
    expect(composeUrge.body).toMatchObject({ previousNoticeId: reminder.body.id, deadline: '2026-11-19' });
    expect(composeUrge.body.facts).toContain('通招提〔2026〕1号提醒单');
    const urge = await issue(city, '2026-11-12', { kind: 'URGE', subjectType: 'ISSUE', issueId: problem.id, previousNoticeId: reminder.body.id, facts: composeUrge.body.facts, requirement: composeUrge.body.requirement });
    expect(urge.body).toMatchObject({ status: 'ISSUED', number: '通招催〔2026〕1号', deadline: '2026-11-19', previousNoticeId: reminder.body.id });
    // the 提醒单 it escalates is over: closed the same day, naming the 催办单 (counted overdue once, not twice)
    expect((await req<NoticeDto>('GET', `/api/v1/notices/${reminder.body.id}`, city, '2026-11-12')).body).toMatchObject({ status: 'CLOSED', closedAt: '2026-11-12', closeNote: '逾期未办结，已升级为催办单（通招催〔2026〕1号）', overdue: false });
    expect((await req<EscalationResponse>('GET', '/api/v1/notices/escalations', city, '2026-11-19')).body.items).toEqual([]);
    const late = (await req<EscalationResponse>('GET', '/api/v1/notices/escalations', city, '2026-11-23')).body.items;
    expect(late).toEqual([expect.objectContaining({ latestNoticeId: urge.body.id, latestKind: 'URGE', workingDaysOverdue: 2, proposedKind: 'SUPERVISE' })]);

    // 督办单: a draft for the named leader; wrong rungs and missing signers are refused
    const skip = await issue(city, '2026-11-23', { kind: 'SUPERVISE', subjectType: 'ISSUE', issueId: problem.id, previousNoticeId: reminder.body.id, signerLeaderId: signer.id });
    expect(skip.status).toBe(400);
    expect(skip.body.details?.[0]?.field).toBe('previousNoticeId');
    expect((await issue(city, '2026-11-23', { kind: 'SUPERVISE', subjectType: 'ISSUE', issueId: problem.id })).body.details?.[0]?.field).toBe('signerLeaderId');
    const noAccount = await issue(city, '2026-11-23', { kind: 'SUPERVISE', subjectType: 'ISSUE', issueId: problem.id, signerLeaderId: unlinked.id });
    expect(noAccount.body.details?.[0]).toMatchObject({ field: 'signerLeaderId', message: expect.stringContaining('未关联') });
    const draft = await issue(city, '2026-11-23', { kind: 'SUPERVISE', subjectType: 'ISSUE', issueId: problem.id, previousNoticeId: urge.body.id, signerLeaderId: signer.id, facts: '多次催办仍未落实' });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'PENDING_SIGNATURE', number: null, issuedAt: null, signerLeaderName: '常务副市长 王某' });
    // on its way up: no longer 待升级
    expect((await req<EscalationResponse>('GET', '/api/v1/notices/escalations', city, '2026-11-23')).body.items).toEqual([]);
    const toSign = await req<NoticeListResponse>('GET', '/api/v1/notices?toSign=true', leader.token, '2026-11-23');
    expect(toSign.body.items.map((n) => n.id)).toEqual([draft.body.id]);
    expect((await req<NoticeListResponse>('GET', '/api/v1/notices?toSign=true', otherLeader.token, '2026-11-23')).body.items).toEqual([]);

    // only the named leader signs or returns; staff and admins do not sign
    expect((await act(otherLeader.token, '2026-11-23', draft.body, 'sign')).status).toBe(403);
    expect((await act(otherLeader.token, '2026-11-23', draft.body, 'return', { comment: '不是我签' })).status).toBe(403);
    expect((await act(naiman, '2026-11-23', draft.body, 'feedback', { text: '未下发不能反馈' })).body.error).toBe('WRONG_STATUS');
    expect((await act(admin, '2026-11-23', draft.body, 'sign')).status).toBe(403);
    expect((await act(city, '2026-11-23', draft.body, 'sign')).status).toBe(403);
    expect((await act(leader.token, '2026-11-23', draft.body, 'return', { comment: '' })).body.details?.[0]?.field).toBe('comment');
    const returned = await act(leader.token, '2026-11-23', draft.body, 'return', { comment: '请写明已协调的情况' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'RETURNED', signComment: '请写明已协调的情况' });
    const signReturned = await act(leader.token, '2026-11-23', returned.body, 'sign');
    expect(signReturned.status).toBe(409);
    expect(signReturned.body.error).toBe('WRONG_STATUS');

    // the drafter edits it: a stale version is 409, the edit submits it again
    const stale = await req<NoticeDto>('PATCH', `/api/v1/notices/${draft.body.id}`, city, '2026-11-23', { facts: '旧版本', version: draft.body.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('VERSION_CONFLICT');
    const edited = await req<NoticeDto>('PATCH', `/api/v1/notices/${draft.body.id}`, city, '2026-11-24', { facts: '经提醒、催办，用地指标仍未落实，市自然资源局已协调两次。', version: returned.body.version });
    expect(edited.body).toMatchObject({ status: 'PENDING_SIGNATURE', facts: '经提醒、催办，用地指标仍未落实，市自然资源局已协调两次。' });
    expect((await req('PATCH', `/api/v1/notices/${draft.body.id}`, leader.token, '2026-11-24', { facts: 'x', version: edited.body.version })).status).toBe(403);

    // signed on Wednesday 11月25日: numbered now, due 3 working days later (Monday 11月30日)
    const signed = await act(leader.token, '2026-11-25', edited.body, 'sign', { comment: '同意，请抓紧督办' });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'ISSUED', number: '通招督〔2026〕1号', signedAt: '2026-11-25', issuedAt: '2026-11-25', deadline: '2026-11-30', deadlineChosen: false, signComment: '同意，请抓紧督办' });
    expect((await act(leader.token, '2026-11-25', signed.body, 'sign')).body.error).toBe('WRONG_STATUS');
    // the 催办单 stayed live while the draft waited; signing the 督办单 closes it
    expect((await req<NoticeDto>('GET', `/api/v1/notices/${urge.body.id}`, city, '2026-11-25')).body).toMatchObject({ status: 'CLOSED', closedAt: '2026-11-25', closeNote: '逾期未办结，已升级为督办单（通招督〔2026〕1号）' });
    expect((await act(city, '2026-11-25', signed.body, 'cancel', { reason: '已下发' })).body.error).toBe('WRONG_STATUS');

    // the district of the project answers; another district and the leader cannot; city staff answer for city units only
    expect((await act(kailu, '2026-11-26', signed.body, 'feedback', { text: '越权' })).status).toBe(403);
    expect((await act(leader.token, '2026-11-26', signed.body, 'feedback', { text: '领导' })).status).toBe(403);
    expect((await act(city, '2026-11-26', signed.body, 'feedback', { text: '市级代填' })).status).toBe(403);
    const answered = await act(naiman, '2026-11-26', signed.body, 'feedback', { text: '已上报自治区调剂指标' });
    expect(answered.body).toMatchObject({ status: 'ANSWERED', feedback: '已上报自治区调剂指标', feedbackAt: '2026-11-26' });
    const again = await act(naiman, '2026-11-27', answered.body, 'feedback', { text: '指标已下达，正在组卷报批' });
    expect(again.body).toMatchObject({ status: 'ANSWERED', feedback: '指标已下达，正在组卷报批', feedbackAt: '2026-11-27' });

    // city staff close it, on time
    expect((await act(naiman, '2026-11-27', again.body, 'close')).status).toBe(403);
    expect((await act(city, '2026-11-27', answered.body, 'close')).body.error).toBe('VERSION_CONFLICT');
    const closed = await act(city, '2026-11-27', again.body, 'close');
    expect(closed.body).toMatchObject({ status: 'CLOSED', closedAt: '2026-11-27', overdue: false });
    expect((await act(city, '2026-11-27', closed.body, 'close')).body.error).toBe('WRONG_STATUS');

    const audit = await t.request<{ items: AuditEntryDto[] }>('GET', `/api/v1/audit?entity=notice&entityId=${draft.body.id}`, { token: naiman });
    // signing and closing are changes of status (the log's 核实 and 月结 are a report's and a month's words)
    expect(audit.body.items.map((e) => e.after?.['status']).reverse()).toEqual(['PENDING_SIGNATURE', 'RETURNED', 'PENDING_SIGNATURE', 'ISSUED', 'ANSWERED', 'ANSWERED', 'CLOSED']);
    expect(audit.body.items.map((e) => e.action).reverse()).toEqual(['CREATE', 'RETURN', 'UPDATE', 'UPDATE', 'UPDATE', 'UPDATE', 'UPDATE']);
    const replaced = audit.body.items.find((e) => e.after?.['status'] === 'ANSWERED' && e.after['feedback'] === '指标已下达，正在组卷报批');
    expect(replaced?.before?.['feedback']).toBe('已上报自治区调剂指标');
  });

  it('counts working days across holidays and 调休 working days from the settings', async () => {
    const problem = await raise(naiman, p.naiman.id, '2026-09-30');
    // Wednesday 9月30日 + 7: 10月8日, 9日, 10日 (调休), 12日, 13日, 14日, 15日
    const r = await issue(city, '2026-09-30', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id });
    expect(r.body.deadline).toBe('2026-10-15');
    expect(r.body.deadline).toBe(addWorkingDays('2026-09-30', 7, { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], extraWorkdays: ['2026-10-10'] }));
    // a deadline given must be after the day of issue
    const same = await issue(city, '2026-09-30', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id, deadline: '2026-09-30' });
    expect(same.status).toBe(400);
    expect(same.body.details?.[0]?.field).toBe('deadline');
    const given = await issue(city, '2026-09-30', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id, deadline: '2026-10-09' });
    expect(given.body.deadline).toBe('2026-10-09');
    // the latest rung's latest notice is the one proposed; past 10月9日: 10日 (调休), 12日, 13日 = 3 working days on 10月13日
    const esc = (await req<EscalationResponse>('GET', '/api/v1/notices/escalations', city, '2026-10-13')).body.items.filter((i) => i.issueId === problem.id);
    expect(esc).toEqual([expect.objectContaining({ latestNoticeId: given.body.id, workingDaysOverdue: 3, proposedKind: 'URGE' })]);
  });

  it('keeps a deadline the drafter chose when the leader signs, and refuses to sign one already past', async () => {
    const problem = await raise(naiman, p.naiman.id, '2026-11-02');
    const chosen = await issue(city, '2026-11-02', { kind: 'SUPERVISE', subjectType: 'ISSUE', issueId: problem.id, signerLeaderId: signer.id, deadline: '2026-11-20' });
    expect(chosen.body).toMatchObject({ deadline: '2026-11-20', deadlineChosen: true });
    expect((await act(leader.token, '2026-11-05', chosen.body, 'sign')).body).toMatchObject({ status: 'ISSUED', deadline: '2026-11-20', issuedAt: '2026-11-05' });
    const tight = await issue(city, '2026-11-02', { kind: 'TRANSFER', subjectType: 'ISSUE', issueId: problem.id, signerLeaderId: signer.id, deadline: '2026-11-06' });
    const late = await act(leader.token, '2026-11-09', tight.body, 'sign');
    expect(late.status).toBe(400);
    expect(late.body.details?.[0]?.field).toBe('deadline');
    expect((await t.query(`SELECT status FROM notices WHERE id = $1`, [tight.body.id]))[0]).toEqual({ status: 'PENDING_SIGNATURE' });
  });

  it('numbers per kind and year, without gaps or twins when issued concurrently', async () => {
    const problem = await raise(naiman, p.naiman.id, '2026-12-01');
    const before = await t.query<{ last: number }>(`SELECT last FROM notice_counters WHERE kind = 'REMINDER' AND year = 2026`);
    const start = before[0]?.last ?? 0;
    const parallel = await Promise.all(Array.from({ length: 8 }, () => issue(city, '2026-12-01', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id })));
    expect(parallel.map((r) => r.status)).toEqual(Array(8).fill(201));
    const seqs = parallel.map((r) => Number(/〔2026〕(\d+)号/.exec(r.body.number ?? '')?.[1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 8 }, (_, i) => start + 1 + i));
    // a new year starts again at 1, a kind has its own counter
    const nextYear = await issue(city, '2027-01-04', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id });
    expect(nextYear.body.number).toBe('通招提〔2027〕1号');
    const urge = await issue(city, '2027-01-04', { kind: 'URGE', subjectType: 'ISSUE', issueId: problem.id, previousNoticeId: nextYear.body.id });
    expect(urge.body.number).toBe('通招催〔2027〕1号');
    // a refused issue takes no number
    const refused = await issue(city, '2027-01-04', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id, recipientUnitId: '00000000-0000-4000-8000-000000000000' });
    expect(refused.status).toBe(400);
    expect((await issue(city, '2027-01-04', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id })).body.number).toBe('通招提〔2027〕2号');
  });

  it('checks the subject: an open problem, a red warning now, an overdue commitment', async () => {
    const problem = await raise(naiman, p.naiman.id, '2026-11-02');
    await req('POST', `/api/v1/project-issues/${problem.id}/status`, naiman, '2026-11-03', { status: 'RESOLVED', note: '已解决', version: problem.version });
    const closedIssue = await issue(city, '2026-11-04', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id });
    expect(closedIssue.status).toBe(400);
    expect(closedIssue.body.details?.[0]?.field).toBe('issueId');
    // issue 15: commitments exist now; an unknown one is named as such
    const commitment = await issue(city, '2026-11-04', { kind: 'REMINDER', subjectType: 'COMMITMENT', commitmentId: '00000000-0000-4000-8000-000000000001' });
    expect(commitment.body.details?.[0]).toEqual({ field: 'commitmentId', message: '优惠政策承诺不存在' });
    // signed 2025-03-01, never started: 未按期开工 is red (12 months after signing)
    const red = await issue(city, '2026-11-04', { kind: 'REMINDER', subjectType: 'WARNING', projectId: p.kailu.id, warningRule: 'START' });
    expect(red.status).toBe(201);
    expect(red.body).toMatchObject({ subjectType: 'WARNING', warningRule: 'START', regionCode: '150523', title: `关于${p.kailu.name}未按期开工问题的提醒单` });
    const composed = await req<NoticeComposeResponse>('GET', `/api/v1/notices/compose?kind=URGE&subjectType=WARNING&projectId=${p.kailu.id}&warningRule=START`, city, '2026-11-04');
    expect(composed.body).toMatchObject({ previousNoticeId: red.body.id, recipientUnitId: naimanUnit.id, title: `关于${p.kailu.name}未按期开工问题的催办单` });
    expect(composed.body.facts).toContain('已亮红色预警');
    const led = await createProject(t, admin, { regionCode: '150525', signedAt: '2025-03-01', leadDepartment: '市自然资源局' });
    const toLead = await req<NoticeComposeResponse>('GET', `/api/v1/notices/compose?kind=REMINDER&subjectType=WARNING&projectId=${led.id}&warningRule=START`, city, '2026-11-04');
    expect(toLead.body).toMatchObject({ recipientUnitId: cityUnit.id, previousNoticeId: null });
    // on 2025-06-01 (3 months after signing) there was no red warning
    const notYet = await issue(city, '2025-06-01', { kind: 'REMINDER', subjectType: 'WARNING', projectId: p.kailu.id, warningRule: 'START' });
    expect(notYet.body.details?.[0]?.field).toBe('warningRule');
    const bad = await issue(city, '2026-11-04', { kind: 'MEMO', subjectType: 'ISSUE', recipientUnitId: 'x', facts: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((d) => d.field).sort()).toEqual(['facts', 'kind', 'recipientUnitId']);
    expect((await issue(naiman, '2026-11-04', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id })).status).toBe(403);
    expect((await issue(leader.token, '2026-11-04', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id })).status).toBe(403);
  });

  it('cancels drafts only, closes without feedback only with a note, and lists, counts and groups the notices', async () => {
    const problem = await raise(naiman, p.naiman.id, '2026-11-02');
    const draft = await issue(city, '2026-11-02', { kind: 'TRANSFER', subjectType: 'ISSUE', issueId: problem.id, signerLeaderId: signer.id });
    expect(draft.body.status).toBe('PENDING_SIGNATURE');
    expect((await act(city, '2026-11-02', draft.body, 'cancel', { reason: '' })).body.details?.[0]?.field).toBe('reason');
    const cancelled = await act(city, '2026-11-02', draft.body, 'cancel', { reason: '重复拟稿' });
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', number: null, closeNote: '重复拟稿' });
    const live = await issue(city, '2026-11-02', { kind: 'REMINDER', subjectType: 'ISSUE', issueId: problem.id, recipientUnitId: cityUnit.id });
    const noNote = await act(city, '2026-11-20', live.body, 'close');
    expect(noNote.body.details?.[0]?.field).toBe('note');
    // a city unit's answer is recorded by city staff
    expect((await act(city, '2026-11-05', live.body, 'feedback', { text: '市自然资源局已回复' })).status).toBe(200);

    const list = await req<NoticeListResponse>('GET', '/api/v1/notices?pageSize=200', naiman, '2026-11-20');
    expect(list.status).toBe(200);
    const items = list.body.items;
    expect(list.body.counts.total).toBe(items.length);
    expect(list.body.counts.overdue).toBe(items.filter((n) => n.overdue).length);
    expect(list.body.counts.live).toBe(items.filter((n) => n.status === 'ISSUED' || n.status === 'ANSWERED').length);
    // overdue first
    const firstNotOverdue = items.findIndex((n) => !n.overdue);
    expect(items.slice(firstNotOverdue).some((n) => n.overdue)).toBe(false);
    const overdueOnly = await req<NoticeListResponse>('GET', '/api/v1/notices?overdue=true&kind=REMINDER', city, '2026-11-20');
    expect(overdueOnly.body.items.every((n) => n.overdue && n.kind === 'REMINDER')).toBe(true);

    const byRegion = await req<NoticeStatsResponse>('GET', '/api/v1/notices/stats?groupBy=region', leader.token, '2026-11-20');
    expect(byRegion.status).toBe(200);
    expect(byRegion.body.rows).toHaveLength(9);
    const sum = (k: 'REMINDER' | 'URGE' | 'SUPERVISE' | 'TRANSFER') => byRegion.body.rows.reduce((n, r) => n + r.issued[k], 0);
    expect(sum('REMINDER')).toBe(byRegion.body.total.issued.REMINDER);
    const [{ count }] = await t.query<{ count: string }>(`SELECT count(*) FROM notices WHERE number IS NOT NULL AND kind = 'REMINDER'`);
    expect(byRegion.body.total.issued.REMINDER).toBe(Number(count));
    expect(byRegion.body.rows.find((r) => r.key === '150525')?.closedOnTime).toBeGreaterThanOrEqual(1);
    const byUnit = await req<NoticeStatsResponse>('GET', '/api/v1/notices/stats?groupBy=unit', city, '2026-11-20');
    expect(byUnit.body.rows.map((r) => r.label).sort()).toEqual(['奈曼旗自然资源局', '市自然资源局']);
    expect((await req<ApiErrorBody>('GET', '/api/v1/notices/stats?groupBy=month', city, '2026-11-20')).body.details?.[0]?.field).toBe('groupBy');
  });

  it('keeps the settings: admin only, validated field by field, versioned, audited', async () => {
    const current = (await t.request<NoticeSettingsResponse>('GET', '/api/v1/settings/notices', { token: naiman })).body;
    expect(current.version).toBe(1);
    expect(current.settings.prefixes).toEqual(DEFAULT_NOTICE_SETTINGS.prefixes);
    const bad = await t.request<ApiErrorBody>('PUT', '/api/v1/settings/notices', {
      token: admin,
      body: { settings: { ...current.settings, prefixes: { ...current.settings.prefixes, URGE: '' }, deadlineWorkingDays: { ...current.settings.deadlineWorkingDays, SUPERVISE: 61 }, holidays: ['2026-02-30'] }, version: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((d) => d.field)).toEqual(['settings.prefixes.URGE', 'settings.deadlineWorkingDays.SUPERVISE', 'settings.holidays.0']);
    expect((await t.request('PUT', '/api/v1/settings/notices', { token: city, body: { settings: current.settings, version: 1 } })).status).toBe(403);
    const saved = await t.request<NoticeSettingsResponse>('PUT', '/api/v1/settings/notices', { token: admin, body: { settings: { ...current.settings, issuer: '通辽市投资促进局（督查室）' }, version: 1 } });
    expect(saved.body.version).toBe(2);
    expect((await t.request<ApiErrorBody>('PUT', '/api/v1/settings/notices', { token: admin, body: { settings: current.settings, version: 1 } })).body.error).toBe('VERSION_CONFLICT');
    const audit = await t.request<{ items: AuditEntryDto[] }>('GET', '/api/v1/audit?entity=setting&entityId=notices', { token: admin });
    expect(audit.body.items.map((e) => e.action)).toEqual(['UPDATE', 'CREATE']);
    await t.request('PUT', '/api/v1/settings/notices', { token: admin, body: { settings: current.settings, version: 2 } });
  });

  it('issue 15: an overdue, open commitment is a subject; 待升级 keeps it while it stays overdue and open', async () => {
    const made = await req<PolicyCommitmentDetailDto>('POST', '/api/v1/commitments', naiman, '2026-11-02', {
      projectId: p.naiman.id, type: 'SUBSIDY', content: '给予设备购置补助', promisedAmountWan: '300', dueAt: '2026-11-20', unitId: naimanUnit.id,
    });
    expect(made.status).toBe(201);
    const notDue = await issue(city, '2026-11-20', { kind: 'REMINDER', subjectType: 'COMMITMENT', commitmentId: made.body.id });
    expect(notDue.status).toBe(400);
    expect(notDue.body.details?.[0]).toEqual({ field: 'commitmentId', message: '该承诺的兑现期限为2026年11月20日，尚未逾期，不能就其发文' });
    const composed = await req<NoticeComposeResponse>('GET', `/api/v1/notices/compose?kind=REMINDER&subjectType=COMMITMENT&commitmentId=${made.body.id}`, city, '2026-11-23');
    expect(composed.status).toBe(200);
    expect(composed.body).toMatchObject({ title: `关于${p.naiman.name}财政奖补优惠政策兑现问题的提醒单`, recipientUnitId: naimanUnit.id, previousNoticeId: null });
    expect(composed.body.facts).toContain('给予设备购置补助，承诺金额300.00万元');
    expect(composed.body.facts).toContain('兑现期限为2026年11月20日，目前尚未兑现，现已逾期3天');
    const reminder = await issue(city, '2026-11-23', { kind: 'REMINDER', subjectType: 'COMMITMENT', commitmentId: made.body.id, facts: composed.body.facts });
    expect(reminder.status).toBe(201);
    expect(reminder.body).toMatchObject({ subjectType: 'COMMITMENT', commitmentId: made.body.id, projectId: p.naiman.id, regionCode: '150525' });
    const pending = (day: string) => req<EscalationResponse>('GET', '/api/v1/notices/escalations', city, day);
    const listed = (await pending('2026-12-03')).body.items.find((e) => e.commitmentId === made.body.id);
    expect(listed).toMatchObject({ subjectType: 'COMMITMENT', latestNoticeId: reminder.body.id, proposedKind: 'URGE', summary: '给予设备购置补助' });
    // partly honoured: still overdue and open, still 待升级; the 催办单 finds its 提醒单
    const part = await req<PolicyCommitmentDetailDto>('POST', `/api/v1/commitments/${made.body.id}/status`, naiman, '2026-12-03', { status: 'PARTIAL', honouredAmountWan: '100', honouredAt: '2026-12-03', version: made.body.version });
    expect(part.status).toBe(200);
    expect((await pending('2026-12-03')).body.items.some((e) => e.commitmentId === made.body.id)).toBe(true);
    const urge = await req<NoticeComposeResponse>('GET', `/api/v1/notices/compose?kind=URGE&subjectType=COMMITMENT&commitmentId=${made.body.id}`, city, '2026-12-03');
    expect(urge.body.previousNoticeId).toBe(reminder.body.id);
    expect(urge.body.facts).toContain('目前已兑现100.00万元');
    // honoured: off the list, and no further notice
    await req('POST', `/api/v1/commitments/${made.body.id}/status`, naiman, '2026-12-04', { status: 'HONOURED', honouredAmountWan: '300', honouredAt: '2026-12-04', version: part.body.version });
    expect((await pending('2026-12-04')).body.items.some((e) => e.commitmentId === made.body.id)).toBe(false);
    const done = await issue(city, '2026-12-04', { kind: 'URGE', subjectType: 'COMMITMENT', commitmentId: made.body.id, previousNoticeId: reminder.body.id });
    expect(done.body.details?.[0]).toEqual({ field: 'commitmentId', message: '该承诺已兑现，不能再就其发文' });
  });
});

describe('the test clock', () => {
  it('moves "today" with X-Test-Today only when the API runs with ZS_TEST_CLOCK', async () => {
    for (const testClock of [true, false]) {
      const t = await TestApp.start({ testClock });
      try {
        const admin = await t.adminToken();
        const project = await createProject(t, admin, { regionCode: '150525' });
        const unit = (await t.request<UnitDto>('POST', '/api/v1/units', { token: admin, body: { name: '市发改委', level: 'CITY' } })).body;
        const raised = await t.request<ProjectIssueDetailDto>('POST', '/api/v1/project-issues', { token: admin, body: { projectId: project.id, category: 'OTHER', description: '测试时钟', unitId: unit.id } });
        expect(raised.body.overdue).toBe(false);
        const later = await t.request<ProjectIssueDetailDto>('GET', `/api/v1/project-issues/${raised.body.id}`, { token: admin, headers: { 'x-test-today': '2099-01-01' } });
        expect({ testClock, overdue: later.body.overdue }).toEqual({ testClock, overdue: testClock });
      } finally {
        await t.stop();
      }
    }
  });
});
