import { projectDetail } from './testing';

describe('projectDetail', () => {
  it('is a signed project that takes the fields a spec names', () => {
    expect(projectDetail()).toMatchObject({ id: 'p1', stage: 'SIGNED', version: 5, approvals: [] });
    const terminated = projectDetail({ stage: 'TERMINATED', terminatedAt: '2025-03-01', version: 6 });
    expect(terminated).toMatchObject({ stage: 'TERMINATED', terminatedAt: '2025-03-01', version: 6, name: '奈曼旗 50 万千瓦风电项目' });
  });

  it('gives every call its own lists, so a spec may change one without touching the next', () => {
    expect(projectDetail().approvals).not.toBe(projectDetail().approvals);
  });
});
