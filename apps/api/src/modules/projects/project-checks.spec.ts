import { APPROVAL_KINDS, type ApprovalDto, type LookAlikeCandidate } from '@zhaoshang/shared/domain';
import { approvalProblems, LookAlikeFound } from './project-checks.js';

const TODAY = '2026-11-23';
const items = (status: ApprovalDto['status'] = 'NOT_STARTED', doneAt: string | null = null): ApprovalDto[] => APPROVAL_KINDS.map((kind) => ({ kind, status, doneAt }));

describe('approvalProblems', () => {
  it('accepts all six kinds once each, dated exactly when done', () => {
    expect(approvalProblems(items(), TODAY)).toEqual([]);
    expect(approvalProblems(items('DONE', '2026-11-23'), TODAY)).toEqual([]);
  });

  it('names the item and what is wrong with it', () => {
    const list = items();
    list[0] = { kind: 'FILING', status: 'DONE', doneAt: '2026-02-30' };
    list[1] = { kind: 'LAND', status: 'DONE', doneAt: '2026-11-24' };
    expect(approvalProblems(list, TODAY)).toEqual([
      { field: 'items[0].doneAt', message: '手续“立项备案/核准”的办结日期不是有效日期（应为 YYYY-MM-DD）' },
      { field: 'items[1].doneAt', message: '手续“用地”的办结日期不能晚于今天（2026-11-23）' },
    ]);
    expect(approvalProblems(items().slice(0, 4), TODAY)).toEqual([{ field: 'items', message: '缺少手续：节能审查、施工许可' }]);
  });
});

describe('LookAlikeFound', () => {
  it('is a 409 LOOK_ALIKE naming each candidate and reason', () => {
    const candidate = { projectNo: '150525-2024-0003', name: '风电项目', reasons: ['SAME_USCC', 'SAME_NAME_IN_REGION'] } as LookAlikeCandidate;
    const error = new LookAlikeFound([candidate]);
    expect(error).toMatchObject({ status: 409, code: 'LOOK_ALIKE' });
    expect(error.message).toContain('150525-2024-0003');
    expect(error.details).toEqual([
      { field: 'investorUscc', message: '与 150525-2024-0003「风电项目」的投资方统一社会信用代码相同' },
      { field: 'name', message: '与 150525-2024-0003「风电项目」同名（同一地区）' },
    ]);
  });
});
