import type { Milestones, ProjectStage } from '@zhaoshang/shared/domain';
import { stageMoveCheck, stageMovePlan, stageMoveRequest, stageTargets } from './stage-move';

const none: Milestones = { signedAt: null, registeredAt: null, constructionStartedAt: null, productionStartedAt: null, terminatedAt: null, terminationReason: null };
const TODAY = '2026-03-10';

function project(stage: ProjectStage, m: Partial<Milestones> = {}) {
  return { stage, version: 5, ...none, ...m };
}

describe('stage targets', () => {
  it('offers city staff every other stage, backward ones included', () => {
    expect(stageTargets('UNDER_CONSTRUCTION', true)).toEqual(['NEGOTIATING', 'SIGNED', 'REGISTERED', 'IN_PRODUCTION', 'TERMINATED']);
  });

  it('never shows district staff a backward target', () => {
    expect(stageTargets('UNDER_CONSTRUCTION', false)).toEqual(['IN_PRODUCTION', 'TERMINATED']);
    expect(stageTargets('NEGOTIATING', false)).toEqual(['SIGNED', 'REGISTERED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION', 'TERMINATED']);
    // leaving 已终止 is always a correction
    expect(stageTargets('TERMINATED', false)).toEqual([]);
    expect(stageTargets('TERMINATED', true)).toEqual(['NEGOTIATING', 'SIGNED', 'REGISTERED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION']);
  });
});

describe('what a move asks for', () => {
  it('forward: the date of the target, and the signing date when the project has none', () => {
    expect(stageMovePlan('SIGNED', 'UNDER_CONSTRUCTION', project('SIGNED', { signedAt: '2025-01-02' }))).toEqual({
      kind: 'FORWARD',
      dates: ['constructionStartedAt'],
      reason: null,
    });
    expect(stageMovePlan('NEGOTIATING', 'REGISTERED', project('NEGOTIATING'))).toEqual({ kind: 'FORWARD', dates: ['signedAt', 'registeredAt'], reason: null });
    expect(stageMovePlan('NEGOTIATING', 'SIGNED', project('NEGOTIATING'))).toEqual({ kind: 'FORWARD', dates: ['signedAt'], reason: null });
  });

  it('terminate: the termination date and its reason, from any stage', () => {
    for (const from of ['NEGOTIATING', 'SIGNED', 'IN_PRODUCTION'] as const) {
      expect(stageMovePlan(from, 'TERMINATED', project(from))).toEqual({ kind: 'TERMINATE', dates: ['terminatedAt'], reason: 'termination' });
    }
  });

  it('correction: a reason, and a date only for a stage that was skipped', () => {
    const started = project('UNDER_CONSTRUCTION', { signedAt: '2025-01-02', constructionStartedAt: '2025-03-01' });
    expect(stageMovePlan('UNDER_CONSTRUCTION', 'SIGNED', started)).toEqual({ kind: 'CORRECTION', dates: [], reason: 'correction' });
    expect(stageMovePlan('UNDER_CONSTRUCTION', 'REGISTERED', started)).toEqual({ kind: 'CORRECTION', dates: ['registeredAt'], reason: 'correction' });
    expect(stageMovePlan('UNDER_CONSTRUCTION', 'NEGOTIATING', started)).toEqual({ kind: 'CORRECTION', dates: [], reason: 'correction' });
    const stopped = project('TERMINATED', { signedAt: '2025-01-02', constructionStartedAt: '2025-03-01', terminatedAt: '2025-05-01', terminationReason: '撤资' });
    expect(stageMovePlan('TERMINATED', 'UNDER_CONSTRUCTION', stopped)).toEqual({ kind: 'CORRECTION', dates: [], reason: 'correction' });
  });
});

describe('the request and its check before sending', () => {
  it('sends only the asked dates and puts each reason where the API expects it', () => {
    const signed = project('SIGNED', { signedAt: '2025-01-02' });
    expect(stageMoveRequest(signed, { to: 'UNDER_CONSTRUCTION', dates: { constructionStartedAt: '2025-06-01', signedAt: '2024-01-01' }, reason: 'ignored' })).toEqual({
      to: 'UNDER_CONSTRUCTION',
      dates: { constructionStartedAt: '2025-06-01' },
      version: 5,
    });
    expect(stageMoveRequest(signed, { to: 'TERMINATED', dates: { terminatedAt: '2025-06-01' }, reason: '  投资方撤资 ' })).toEqual({
      to: 'TERMINATED',
      dates: { terminatedAt: '2025-06-01' },
      terminationReason: '投资方撤资',
      version: 5,
    });
    expect(stageMoveRequest(project('REGISTERED', { signedAt: '2025-01-02', registeredAt: '2025-02-01' }), { to: 'SIGNED', dates: {}, reason: '误报注册' })).toEqual({
      to: 'SIGNED',
      dates: {},
      reason: '误报注册',
      version: 5,
    });
  });

  it("gives the shared rules' Chinese messages", () => {
    const signed = project('SIGNED', { signedAt: '2025-01-02' });
    const check = (to: ProjectStage, dates: Record<string, string>, reason: string, role: 'CITY_STAFF' | 'DISTRICT_STAFF' = 'CITY_STAFF') =>
      stageMoveCheck(signed, role, stageMoveRequest(signed, { to, dates, reason }), TODAY);

    expect(check('UNDER_CONSTRUCTION', {}, '')).toEqual([{ field: 'constructionStartedAt', message: '项目处于“开工在建”阶段，必须填写开工日期' }]);
    expect(check('UNDER_CONSTRUCTION', { constructionStartedAt: '2024-12-01' }, '')).toEqual([
      { field: 'constructionStartedAt', message: '开工日期（2024-12-01）不能早于签约日期（2025-01-02）' },
    ]);
    expect(check('UNDER_CONSTRUCTION', { constructionStartedAt: '2026-03-11' }, '')).toEqual([{ field: 'constructionStartedAt', message: '开工日期不能晚于今天（2026-03-10）' }]);
    expect(check('UNDER_CONSTRUCTION', { constructionStartedAt: '2025-06-01' }, '')).toEqual([]);
    expect(check('TERMINATED', { terminatedAt: '2025-06-01' }, ' ')).toEqual([{ field: 'terminationReason', message: '终止项目必须填写终止原因' }]);
    expect(check('NEGOTIATING', {}, '')).toEqual([{ field: 'reason', message: '退回阶段（更正）必须填写原因' }]);
    expect(check('NEGOTIATING', {}, '录入错误', 'DISTRICT_STAFF')[0].message).toBe('从“已签约”退回“在谈”属于更正，只有市级人员或管理员可以操作');
  });
});
