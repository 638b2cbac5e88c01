import fc from 'fast-check';
import {
  isCalendarDate,
  MILESTONE_CHAIN,
  MILESTONE_LABELS,
  milestoneProblems,
  milestonesAfterMove,
  type Milestones,
  PROGRESS_STAGES,
  PROJECT_STAGES,
  type ProjectStage,
  shanghaiToday,
  stageIndex,
  stageMoveKind,
  stageMoveProblems,
} from './lifecycle.js';
import { ROLES } from './roles.js';

const TODAY = '2026-11-23';
const EMPTY: Milestones = { signedAt: null, registeredAt: null, constructionStartedAt: null, productionStartedAt: null, terminatedAt: null, terminationReason: null };

const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)).filter((d) => d <= TODAY);

/** A valid project: a progress stage, its dates sorted, some skipped stages' dates left empty. */
const validProject = fc
  .record({
    stage: fc.constantFrom(...PROGRESS_STAGES),
    dates: fc.array(day, { minLength: 4, maxLength: 4 }).map((d) => [...d].sort()),
    skip: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  })
  .map(({ stage, dates, skip }) => {
    const m: Milestones = { ...EMPTY };
    const reached = stageIndex(stage);
    MILESTONE_CHAIN.forEach((field, i) => {
      const own = i + 1 === reached;
      if (i + 1 <= reached && (own || i === 0 || !skip[i])) m[field] = dates[i];
    });
    return { stage: stage as ProjectStage, m };
  });

describe('milestoneProblems', () => {
  it('accepts every valid chain, skipped stages included', () => {
    fc.assert(fc.property(validProject, ({ stage, m }) => expect(milestoneProblems(stage, m, TODAY)).toEqual([])));
  });

  it('finds a decreasing pair wherever it is', () => {
    fc.assert(
      fc.property(validProject, fc.integer({ min: 1, max: 3 }), ({ stage, m }, i) => {
        const later = MILESTONE_CHAIN[i];
        const earlier = MILESTONE_CHAIN[i - 1];
        fc.pre(m[later] !== null && m[earlier] !== null && m[later] !== m[earlier]);
        const swapped = { ...m, [later]: m[earlier], [earlier]: m[later] };
        expect(milestoneProblems(stage, swapped, TODAY).map((p) => p.field)).toContain(later);
      }),
    );
  });

  it('refuses any date after today', () => {
    fc.assert(
      fc.property(validProject, fc.integer({ min: 1, max: 400 }), ({ stage, m }, ahead) => {
        const future = new Date(Date.UTC(2026, 10, 23) + ahead * 86_400_000).toISOString().slice(0, 10);
        fc.pre(stage !== 'NEGOTIATING');
        const field = MILESTONE_CHAIN[stageIndex(stage) - 1];
        expect(milestoneProblems(stage, { ...m, [field]: future }, TODAY)).toContainEqual({ field, message: `${MILESTONE_LABELS[field]}不能晚于今天（${TODAY}）` });
      }),
    );
  });

  it('requires the current stage’s date, and no date of a stage not reached', () => {
    expect(milestoneProblems('UNDER_CONSTRUCTION', { ...EMPTY, signedAt: '2025-01-01' }, TODAY)).toEqual([
      { field: 'constructionStartedAt', message: '项目处于“开工在建”阶段，必须填写开工日期' },
    ]);
    expect(milestoneProblems('SIGNED', { ...EMPTY, signedAt: '2025-01-01', productionStartedAt: '2025-06-01' }, TODAY)).toEqual([
      { field: 'productionStartedAt', message: '项目尚未到“竣工投产”阶段，不应填写投产日期' },
    ]);
    expect(milestoneProblems('REGISTERED', { ...EMPTY, registeredAt: '2025-01-01' }, TODAY)).toEqual([{ field: 'signedAt', message: '项目已过签约阶段，必须填写签约日期' }]);
  });

  it('terminates from any stage with a reason, not before signing', () => {
    fc.assert(
      fc.property(validProject, day, ({ m }, terminatedAt) => {
        const terminated = { ...m, terminatedAt, terminationReason: '投资方资金链断裂' };
        const problems = milestoneProblems('TERMINATED', terminated, TODAY);
        expect(problems.some((p) => p.field === 'terminatedAt')).toBe(m.signedAt !== null && terminatedAt < m.signedAt);
        expect(milestoneProblems('TERMINATED', { ...terminated, terminationReason: ' ' }, TODAY)).toContainEqual({ field: 'terminationReason', message: '终止项目必须填写终止原因' });
      }),
    );
  });

  it('rejects impossible calendar dates', () => {
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(milestoneProblems('SIGNED', { ...EMPTY, signedAt: '2025-13-01' }, TODAY)).toEqual([{ field: 'signedAt', message: '签约日期不是有效日期（应为 YYYY-MM-DD）' }]);
  });
});

describe('stage moves', () => {
  it('classifies moves: forward by index, termination from anywhere, everything else a correction', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROJECT_STAGES), fc.constantFrom(...PROJECT_STAGES), (from, to) => {
        const kind = stageMoveKind(from, to);
        if (from === to) expect(kind).toBe('NONE');
        else if (to === 'TERMINATED') expect(kind).toBe('TERMINATE');
        else if (from !== 'TERMINATED' && stageIndex(to) > stageIndex(from)) expect(kind).toBe('FORWARD');
        else expect(kind).toBe('CORRECTION');
      }),
    );
  });

  it('lets only city staff and admins correct, and only with a reason', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), validProject, fc.option(fc.string({ minLength: 1 }), { nil: null }), (role, { stage, m }, reason) => {
        fc.pre(stage !== 'NEGOTIATING');
        const to = PROGRESS_STAGES[stageIndex(stage) - 1];
        const problems = stageMoveProblems({ from: stage, to, role, reason, milestones: milestonesAfterMove(m, to, {}) }, TODAY);
        const allowedRole = role === 'CITY_STAFF' || role === 'ADMIN';
        const hasReason = reason !== null && reason.trim() !== '';
        if (!allowedRole) expect(problems[0].field).toBe('stage');
        else if (!hasReason) expect(problems).toEqual([{ field: 'reason', message: '退回阶段（更正）必须填写原因' }]);
        else expect(problems.filter((p) => p.field === 'stage' || p.field === 'reason')).toEqual([]);
      }),
    );
  });

  it('moves forward with a date not before the last one, skipping stages', () => {
    fc.assert(
      fc.property(validProject, fc.integer({ min: 1, max: 4 }), day, ({ stage, m }, ahead, date) => {
        const toIndex = stageIndex(stage) + ahead;
        fc.pre(toIndex < PROGRESS_STAGES.length);
        const to = PROGRESS_STAGES[toIndex];
        const field = MILESTONE_CHAIN[toIndex - 1];
        const last = MILESTONE_CHAIN.map((f) => m[f]).filter((d): d is string => d !== null).sort().pop() ?? '2021-01-01';
        const given = { [field]: date, ...(m.signedAt === null ? { signedAt: date } : {}) };
        const problems = stageMoveProblems({ from: stage, to, role: 'DISTRICT_STAFF', reason: null, milestones: milestonesAfterMove(m, to, given) }, TODAY);
        expect(problems.length === 0).toBe(date >= last);
      }),
    );
  });

  it('clears the dates of stages a correction undoes', () => {
    const m = { ...EMPTY, signedAt: '2024-01-01', registeredAt: '2024-02-01', constructionStartedAt: '2024-03-01' };
    expect(milestonesAfterMove(m, 'SIGNED', {})).toEqual({ ...EMPTY, signedAt: '2024-01-01' });
  });
});

describe('shanghaiToday', () => {
  it('is a day ahead of UTC after 16:00 UTC', () => {
    expect(shanghaiToday(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(shanghaiToday(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });
});
