import type { WorkbenchResponse } from '@zhaoshang/shared/domain';
import { activityTime, workbenchCards } from './workbench-cards';

const base: WorkbenchResponse = { today: '2026-12-05', month: '2026-12', regionCode: null, todos: [], followUps: [], activity: [] };

describe('workbenchCards', () => {
  it('leads city staff to 月报核实 of the oldest month waiting, each month to its own', () => {
    const [card] = workbenchCards({ ...base, todos: [{ kind: 'TO_VERIFY', count: 5, months: [{ month: '2026-10', count: 2 }, { month: '2026-11', count: 3 }] }] });
    expect(card).toMatchObject({ title: '待核实月报', count: 5, tone: 'blue', link: { path: '/reports/verify', queryParams: { month: '2026-10', status: 'SUBMITTED' } } });
    expect(card.explanation).toContain('涉及 2 个月');
    expect(card.chips).toEqual([
      { label: '2026年10月 2 份', link: { path: '/reports/verify', queryParams: { month: '2026-10', status: 'SUBMITTED' } } },
      { label: '2026年11月 3 份', link: { path: '/reports/verify', queryParams: { month: '2026-11', status: 'SUBMITTED' } } },
    ]);
  });

  it('leads district staff to their region’s grid and red warnings; a card with nothing left is done', () => {
    const cards = workbenchCards({
      ...base,
      regionCode: '150525',
      todos: [
        { kind: 'MISSING', count: 4, months: [{ month: '2026-11', count: 1 }, { month: '2026-12', count: 3 }] },
        { kind: 'DRAFT', count: 0, months: [] },
        { kind: 'RETURNED', count: 2, months: [{ month: '2026-11', count: 2 }], withReason: 1 },
        { kind: 'RED_WARNINGS', count: 7, months: [] },
      ],
    });
    expect(cards.map((c) => [c.kind, c.tone])).toEqual([['MISSING', 'red'], ['DRAFT', 'done'], ['RETURNED', 'red'], ['RED_WARNINGS', 'red']]);
    expect(cards[0].link).toEqual({ path: '/reports/entry', queryParams: { regionCode: '150525', month: '2026-11', show: 'MISSING' } });
    // nothing waiting: the current month's grid
    expect(cards[1].link).toEqual({ path: '/reports/entry', queryParams: { regionCode: '150525', month: '2026-12', show: 'DRAFT' } });
    expect(cards[2].explanation).toContain('其中 1 份附退回原因');
    expect(cards[3].link).toEqual({ path: '/warnings', queryParams: { level: 'RED', regionCode: '150525' } });
    expect(cards[3].explanation).toContain('本地区');
  });

  it('names the months waiting for their close and leads to 月结管理', () => {
    const [card] = workbenchCards({ ...base, todos: [{ kind: 'MONTHS_TO_CLOSE', count: 2, months: [{ month: '2026-10', count: 1 }, { month: '2026-11', count: 1 }] }] });
    expect(card.link).toEqual({ path: '/reports/months', queryParams: {} });
    expect(card.chips.map((c) => c.label)).toEqual(['2026年10月', '2026年11月']);
  });

  it('tells admins of webhook subscriptions the server paused, in red, leading to Webhook 订阅', () => {
    const [card] = workbenchCards({ ...base, todos: [{ kind: 'WEBHOOKS_PAUSED', count: 1, months: [] }] });
    expect(card).toMatchObject({ title: '已暂停的 Webhook', count: 1, tone: 'red', chips: [], link: { path: '/admin/webhooks', queryParams: {} } });
    expect(card.explanation).toContain('连续一天投递失败');
  });

  it('keeps the slot of 问题 and 督办 apart from the to-dos', () => {
    const response = { ...base, followUps: [{ kind: 'RED_WARNINGS' as const, count: 1, months: [] }] };
    expect(workbenchCards(response)).toEqual([]);
    expect(workbenchCards(response, 'followUps')).toHaveLength(1);
  });
});

describe('activityTime', () => {
  it('says today, yesterday, a day of this year or a date of another year, in Beijing time', () => {
    expect(activityTime('2026-12-05T02:32:00Z', '2026-12-05')).toBe('今天 10:32');
    // 23:30 UTC on the 4th is 07:30 on the 5th in Beijing
    expect(activityTime('2026-12-04T23:30:00Z', '2026-12-05')).toBe('今天 07:30');
    expect(activityTime('2026-12-04T08:05:00Z', '2026-12-05')).toBe('昨天 16:05');
    expect(activityTime('2026-03-01T01:00:00Z', '2026-12-05')).toBe('3月1日 09:00');
    expect(activityTime('2025-12-03T01:00:00Z', '2026-12-05')).toBe('2025年12月3日');
    expect(activityTime('garbage', '2026-12-05')).toBe('');
  });
});
