import { activityText } from './workbench.js';

const none = { projectNo: null, projectName: null, month: null, regionName: null, detail: null };

describe('activityText', () => {
  it('says what happened in Chinese, by the things’ human keys', () => {
    expect(activityText({ ...none, action: 'SUBMIT', entity: 'monthlyReport', projectNo: '150525-2026-0001', projectName: '风电项目', month: '2026-11' })).toBe(
      '报送了 150525-2026-0001 风电项目 2026年11月月报',
    );
    expect(activityText({ ...none, action: 'UPDATE', entity: 'project', projectNo: '150525-2026-0001', projectName: '风电项目' })).toBe('修改了项目 150525-2026-0001 风电项目');
    expect(activityText({ ...none, action: 'CLOSE', entity: 'month', month: '2026-10' })).toBe('月结了 2026年10月');
    expect(activityText({ ...none, action: 'CREATE', entity: 'faiTotal', month: '2026-10', regionName: '奈曼旗' })).toBe('新建了奈曼旗2026年10月全社会固定资产投资');
    expect(activityText({ ...none, action: 'UPDATE', entity: 'target', detail: '奈曼旗2026年到位资金' })).toBe('修改了目标任务 奈曼旗2026年到位资金');
  });

  it('never shows a raw identifier: a report without its project still reads', () => {
    expect(activityText({ ...none, action: 'RETURN', entity: 'monthlyReport', month: '2026-11' })).toBe('退回了 2026年11月月报');
  });
});
