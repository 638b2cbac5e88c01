import { canMoveCommitment, compareWan, type CommitmentStatus, DEFAULT_NOTICE_SETTINGS, isClosedCommitment, noticeNumber, sumWan } from '@zhaoshang/shared/domain';
import { generateDemoCommitments } from './generate-commitments.js';
import { generateDemoFollowThrough } from './generate-follow-through.js';
import { generateDemoProjects } from './generate-projects.js';

const NOW = new Date('2026-12-05T04:00:00Z');
const TODAY = '2026-12-05';
const data = generateDemoProjects({ now: NOW });
const ft = generateDemoFollowThrough(data, { now: NOW });
const set = generateDemoCommitments(data, { now: NOW, counters: ft.counters });
const { commitments } = set;
const share = (status: CommitmentStatus) => commitments.filter((c) => c.status === status).length / commitments.length;
const daysLate = (due: string) => (Date.parse(TODAY) - Date.parse(due)) / 86_400_000;

describe('generateDemoCommitments', () => {
  it('gives the same commitments for the same data set, seed and day', () => {
    expect(generateDemoCommitments(data, { now: NOW, counters: ft.counters })).toEqual(set);
  });

  it('makes ~120 commitments on signed projects of the set, 财政奖补, 土地, 税费 and 基础设施配套 most, with units of the list', () => {
    expect(commitments).toHaveLength(120);
    const projects = new Map(data.projects.map((p) => [p.projectNo, p]));
    const units = new Set(data.units.map((u) => u.name));
    for (const c of commitments) {
      const p = projects.get(c.projectNo);
      expect(p?.signedAt).not.toBeNull();
      expect(c.recordedAt >= (p?.signedAt ?? '')).toBe(true);
      expect(units.has(c.unitName)).toBe(true);
    }
    const byType = new Map<string, number>();
    for (const c of commitments) byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
    const main = ['SUBSIDY', 'LAND', 'TAX', 'INFRASTRUCTURE'].reduce((sum, t) => sum + (byType.get(t) ?? 0), 0);
    expect(main / commitments.length).toBeGreaterThan(0.75);
    expect(commitments.some((c) => c.unitName === '市财政局')).toBe(true);
    expect(commitments.some((c) => c.unitName === '国家税务总局通辽市税务局')).toBe(true);
  });

  it('honours ~45 %, some late; ~20 % partly; ~25 % not yet, some over 30 days overdue; ~10 % no more, with a reason', () => {
    expect(share('HONOURED')).toBeGreaterThan(0.35);
    expect(share('HONOURED')).toBeLessThan(0.55);
    expect(share('PARTIAL')).toBeGreaterThan(0.12);
    expect(share('PARTIAL')).toBeLessThan(0.28);
    expect(share('PENDING')).toBeGreaterThan(0.17);
    expect(share('PENDING')).toBeLessThan(0.35);
    expect(share('WITHDRAWN')).toBeGreaterThan(0.04);
    expect(share('WITHDRAWN')).toBeLessThan(0.16);
    expect(commitments.some((c) => c.status === 'HONOURED' && (c.honouredAt ?? '') > c.dueAt)).toBe(true);
    const red = commitments.filter((c) => !isClosedCommitment(c.status) && daysLate(c.dueAt) > 30);
    expect(red.length).toBeGreaterThanOrEqual(5);
    for (const c of commitments.filter((x) => x.status === 'WITHDRAWN')) expect(c.withdrawnReason && c.withdrawnAt).toBeTruthy();
  });

  it('keeps the table’s rules and the app’s: amounts within the promise, dates by today, each change an allowed event', () => {
    for (const c of commitments) {
      if (c.promisedAmountWan !== null) expect(compareWan(c.honouredAmountWan, c.promisedAmountWan)).toBeLessThanOrEqual(0);
      if (c.status === 'HONOURED') expect(c.honouredAt).not.toBeNull();
      if (c.status === 'PARTIAL') expect(compareWan(c.honouredAmountWan, '0')).toBe(1);
      expect(c.status === 'WITHDRAWN').toBe(c.withdrawnReason !== null && c.withdrawnAt !== null);
      for (const day of [c.recordedAt, c.honouredAt, c.withdrawnAt, ...c.events.map((e) => e.at)]) if (day !== null) expect(day <= TODAY).toBe(true);
      expect(Date.parse(c.createdAt)).toBeLessThanOrEqual(NOW.getTime());
      expect(Date.parse(c.updatedAt)).toBeLessThanOrEqual(NOW.getTime());
      let from: CommitmentStatus = 'PENDING';
      for (const e of c.events) {
        expect(canMoveCommitment(from, e.status)).toBe(true);
        expect(e.at > c.recordedAt).toBe(true);
        from = e.status;
      }
      expect(from).toBe(c.status);
      expect(c.events.at(-1)?.honouredAmountWan ?? '0.00').toBe(c.honouredAmountWan);
      expect(c.version).toBe(1 + c.events.length);
    }
    // the sentence's 兑现资金 is a real sum of 万元
    expect(compareWan(sumWan(commitments.map((c) => c.honouredAmountWan)), '1000')).toBe(1);
  });

  it('issues 3 提醒单 about overdue open commitments, numbered after the follow-through’s', () => {
    expect(set.notices).toHaveLength(3);
    const before = ft.counters.find((c) => c.kind === 'REMINDER' && c.year === 2026)?.last ?? 0;
    expect(set.notices.map((n) => n.seq)).toEqual([before + 1, before + 2, before + 3]);
    for (const n of set.notices) {
      const c = commitments[n.commitmentKey];
      expect(isClosedCommitment(c.status)).toBe(false);
      expect(c.dueAt < n.issuedAt).toBe(true);
      expect(n.number).toBe(noticeNumber(DEFAULT_NOTICE_SETTINGS.prefixes.REMINDER, n.year, n.seq));
      expect(n.recipientUnitName).toBe(c.unitName);
      expect(n.deadline > n.issuedAt).toBe(true);
    }
    expect(set.counters.find((c) => c.kind === 'REMINDER' && c.year === 2026)?.last).toBe(before + 3);
    expect(set.counters.filter((c) => c.kind !== 'REMINDER')).toEqual(ft.counters.filter((c) => c.kind !== 'REMINDER'));
  });
});
