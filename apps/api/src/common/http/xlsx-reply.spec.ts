import fc from 'fast-check';
import { attachmentHeader, neutraliseCell } from './xlsx-reply.js';

describe('neutraliseCell', () => {
  it.each([
    ['=cmd|calc', "'=cmd|calc"],
    ['+86 123', "'+86 123"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['奈曼旗=风电', '奈曼旗=风电'],
    ['150525-2025-0001', '150525-2025-0001'],
    ['', ''],
  ])('%j → %j', (given, expected) => {
    expect(neutraliseCell(given)).toBe(expected);
  });

  it('leaves no text starting with a formula character, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutraliseCell(s);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
});

describe('attachmentHeader', () => {
  it('carries the name in UTF-8 with an ASCII fallback (RFC 5987)', () => {
    expect(attachmentHeader('项目清单-20250618.xlsx')).toBe(
      `attachment; filename="projects-20250618.xlsx"; filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E6%B8%85%E5%8D%95-20250618.xlsx`,
    );
    expect(attachmentHeader('月调度表.xlsx', 'dispatch-table-2026-03.xlsx')).toBe(
      `attachment; filename="dispatch-table-2026-03.xlsx"; filename*=UTF-8''%E6%9C%88%E8%B0%83%E5%BA%A6%E8%A1%A8.xlsx`,
    );
    expect(attachmentHeader('a"b\\c.xlsx')).toBe(`attachment; filename="abc.xlsx"; filename*=UTF-8''a%22b%5Cc.xlsx`);
  });
});
