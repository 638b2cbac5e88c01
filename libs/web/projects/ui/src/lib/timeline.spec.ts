import type { Milestones, ProjectStage } from '@zhaoshang/shared/domain';
import { timelineSteps } from './timeline';

const none: Milestones = { signedAt: null, registeredAt: null, constructionStartedAt: null, productionStartedAt: null, terminatedAt: null, terminationReason: null };

function outline(stage: ProjectStage, m: Partial<Milestones>): string[] {
  return timelineSteps({ ...none, ...m, stage }).map((s) => `${s.label}:${s.state}${s.current ? '*' : ''}${s.date ? `@${s.date}` : ''}${s.note ? `(${s.note})` : ''}`);
}

describe('timelineSteps', () => {
  it('marks the steps done, the current one, and what is still ahead', () => {
    expect(outline('REGISTERED', { signedAt: '2025-01-02', registeredAt: '2025-02-03' })).toEqual([
      '签约:done@2025-01-02',
      '注册落地:done*@2025-02-03',
      '开工:pending',
      '竣工投产:pending',
    ]);
  });

  it('greys out a skipped stage', () => {
    expect(outline('UNDER_CONSTRUCTION', { signedAt: '2025-01-02', constructionStartedAt: '2025-03-01' })).toEqual([
      '签约:done@2025-01-02',
      '注册落地:skipped',
      '开工:done*@2025-03-01',
      '竣工投产:pending',
    ]);
  });

  it('ends a terminated project in a red step with its reason', () => {
    expect(outline('TERMINATED', { signedAt: '2025-01-02', registeredAt: '2025-02-01', terminatedAt: '2025-05-01', terminationReason: '投资方撤资' })).toEqual([
      '签约:done@2025-01-02',
      '注册落地:done@2025-02-01',
      '开工:pending',
      '竣工投产:pending',
      '终止:terminated*@2025-05-01(投资方撤资)',
    ]);
  });

  it('shows nothing reached while negotiating', () => {
    expect(outline('NEGOTIATING', {})).toEqual(['签约:pending', '注册落地:pending', '开工:pending', '竣工投产:pending']);
  });
});
