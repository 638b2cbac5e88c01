import { type ReportsChanged } from '@zhaoshang/shared/domain';
import { Subject } from 'rxjs';
import { Autosaver } from './autosaver';
import { ReportGridModel, type SaveBatch, filterRows, isNewRow, workOrder } from './grid-model';
import { gridResponse, gridRow, report } from './test-data';

function model(closed = false, mayEdit = true): ReportGridModel {
  return new ReportGridModel(
    gridResponse(
      [
        gridRow('0001'),
        gridRow('0002', report('0002', 'DRAFT', 3, { arrivedEquityWan: '10.00' })),
        gridRow('0003', report('0003', 'SUBMITTED', 2)),
        gridRow('0004', report('0004', 'RETURNED', 5)),
        gridRow('0005', report('0005', 'VERIFIED', 4)),
      ],
      closed,
    ),
    mayEdit,
  );
}

describe('ReportGridModel', () => {
  it('counts the rows by status, and what 「提交全部」 would submit', () => {
    const m = model();
    expect(m.counts()).toEqual({ DRAFT: 1, SUBMITTED: 1, VERIFIED: 1, RETURNED: 1, MISSING: 1, expected: 5, entered: 4 });
    expect(m.submittable()).toBe(2);
    m.edit(m.rows[0], 'arrivedLoanWan', '5');
    expect(m.submittable()).toBe(3);
  });

  it('lets only drafts, returned and missing rows be typed into, and nothing in a closed month', () => {
    const m = model();
    expect(m.rows.map((r) => m.isRowEditable(r))).toEqual([true, true, false, true, false]);
    m.edit(m.rows[2], 'arrivedEquityWan', '1');
    expect(m.rows[2].values().arrivedEquityWan).toBe('0.00');
    expect(m.dirtyRows()).toEqual([]);
    const closed = model(true);
    expect(closed.rows.some((r) => closed.isRowEditable(r))).toBe(false);
    const readOnly = model(false, false);
    expect(readOnly.editable).toBe(false);
  });

  it('computes the month total exactly and checks every cell as it is typed', () => {
    const m = model();
    const row = m.rows[0];
    m.edit(row, 'arrivedEquityWan', '0.1');
    m.edit(row, 'arrivedLoanWan', '0.2');
    expect(row.arrivedTotal()).toBe('0.30');
    m.edit(row, 'arrivedOtherWan', '1.234');
    expect(row.problems()).toEqual({ arrivedOtherWan: '其他资金到位(万元)最多保留 2 位小数' });
    expect(row.arrivedTotal()).toBe('—');
    m.edit(row, 'completedInvestmentWan', '-1');
    expect(row.problems().completedInvestmentWan).toBe('完成投资(万元)不能为负数');
    expect(m.problemRows()).toBe(1);
  });

  it('sends only valid dirty rows, with the version last seen', () => {
    const m = model();
    m.edit(m.rows[0], 'arrivedEquityWan', '100');
    m.edit(m.rows[1], 'progress', '设备安装');
    m.edit(m.rows[3], 'arrivedLoanWan', 'abc');
    const batch = m.takeBatch() as SaveBatch;
    expect(batch.items).toEqual([
      { projectId: '0001', version: null, arrivedEquityWan: '100', arrivedLoanWan: '', arrivedOtherWan: '', completedInvestmentWan: '', progress: null },
      { projectId: '0002', version: 3, arrivedEquityWan: '10.00', arrivedLoanWan: '0.00', arrivedOtherWan: '0.00', completedInvestmentWan: '0.00', progress: '设备安装' },
    ]);
    expect(m.blockedRows().map((r) => r.projectId)).toEqual(['0004']);
  });

  it('merges a save: versions taken, typing done meanwhile kept and still dirty', () => {
    const m = model();
    const row = m.rows[0];
    m.edit(row, 'arrivedEquityWan', '1');
    const batch = m.takeBatch() as SaveBatch;
    m.edit(row, 'arrivedEquityWan', '12');
    m.saved(batch, [report('0001', 'DRAFT', 1, { arrivedEquityWan: '1.00' })]);
    expect(row.values().arrivedEquityWan).toBe('12');
    expect(row.report()?.version).toBe(1);
    expect(row.dirty).toBe(true);
    const next = m.takeBatch() as SaveBatch;
    expect(next.items).toEqual([expect.objectContaining({ projectId: '0001', version: 1, arrivedEquityWan: '12' })]);
    m.saved(next, [report('0001', 'DRAFT', 2, { arrivedEquityWan: '12.00' })]);
    expect(row.dirty).toBe(false);
    expect(m.takeBatch()).toBeNull();
  });

  it('never takes an older answer over a newer report', () => {
    const m = model();
    m.applyReports([report('0002', 'SUBMITTED', 4)]);
    m.applyReports([report('0002', 'DRAFT', 3)]);
    expect(m.rows[1].status()).toBe('SUBMITTED');
  });

  it("places the API's field errors on their cells until they are typed in again", () => {
    const m = model();
    m.edit(m.rows[0], 'arrivedEquityWan', '1');
    m.edit(m.rows[1], 'arrivedLoanWan', '99999999999');
    const batch = m.takeBatch() as SaveBatch;
    expect(m.placeServerProblems(batch, [{ field: 'items[1].arrivedLoanWan', message: '金额过大' }, { field: 'regionCode', message: 'x' }])).toBe(1);
    expect(m.rows[1].problems()).toEqual({ arrivedLoanWan: '金额过大' });
    expect(m.takeBatch()?.items.map((i) => i.projectId)).toEqual(['0001']);
    m.edit(m.rows[1], 'arrivedLoanWan', '9');
    expect(m.rows[1].problems()).toEqual({});
  });
});

describe('Autosaver', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setUp() {
    const m = model();
    const requests: { batch: SaveBatch; answer: Subject<ReportsChanged> }[] = [];
    const saver = new Autosaver(m, {
      send: (batch) => {
        const answer = new Subject<ReportsChanged>();
        requests.push({ batch, answer });
        return answer;
      },
      isFatal: (error) => error === 'conflict',
      now: () => new Date(2026, 10, 3, 9, 5, 7),
    });
    const answer = (i: number, version: number) => {
      const { batch, answer: subject } = requests[i];
      subject.next({ items: batch.items.map((item) => report(item.projectId, 'DRAFT', version, { arrivedEquityWan: item.arrivedEquityWan })) });
      subject.complete();
    };
    return { m, saver, requests, answer };
  }

  it('saves once typing has paused for 800 ms, all changed rows in one request', async () => {
    const { m, saver, requests, answer } = setUp();
    m.edit(m.rows[0], 'arrivedEquityWan', '1');
    saver.touch();
    jest.advanceTimersByTime(500);
    m.edit(m.rows[1], 'arrivedEquityWan', '2');
    saver.touch();
    jest.advanceTimersByTime(799);
    expect(requests).toHaveLength(0);
    jest.advanceTimersByTime(1);
    expect(requests).toHaveLength(1);
    expect(requests[0].batch.items.map((i) => i.projectId)).toEqual(['0001', '0002']);
    expect(saver.state().kind).toBe('saving');
    answer(0, 1);
    await jest.runAllTimersAsync();
    expect(saver.state()).toEqual({ kind: 'saved', at: new Date(2026, 10, 3, 9, 5, 7) });
  });

  it('keeps a keystroke typed while a save is in flight and sends it next, with the new version', async () => {
    const { m, saver, requests, answer } = setUp();
    m.edit(m.rows[0], 'arrivedEquityWan', '1');
    const done = saver.flush();
    expect(requests).toHaveLength(1);
    m.edit(m.rows[0], 'arrivedEquityWan', '15');
    saver.touch();
    // a second flush while the first is in flight waits for it instead of sending in parallel
    const again = saver.flush();
    expect(requests).toHaveLength(1);
    answer(0, 1);
    await Promise.resolve();
    await Promise.resolve();
    expect(requests).toHaveLength(2);
    expect(requests[1].batch.items[0]).toEqual(expect.objectContaining({ version: 1, arrivedEquityWan: '15' }));
    expect(m.rows[0].values().arrivedEquityWan).toBe('15');
    answer(1, 2);
    await expect(done).resolves.toBe(true);
    await expect(again).resolves.toBe(true);
    expect(m.rows[0].dirty).toBe(false);
  });

  it('keeps rows dirty when a save fails, and retries them', async () => {
    const { m, saver, requests, answer } = setUp();
    m.edit(m.rows[0], 'arrivedEquityWan', '1');
    const done = saver.flush();
    requests[0].answer.error('offline');
    await expect(done).resolves.toBe(false);
    expect(saver.state().kind).toBe('failed');
    expect(m.rows[0].dirty).toBe(true);
    const retry = saver.flush();
    expect(requests[1].batch.items[0].projectId).toBe('0001');
    answer(1, 1);
    await expect(retry).resolves.toBe(true);
  });

  it('stops after a version conflict until the grid is reloaded', async () => {
    const { m, saver, requests } = setUp();
    m.edit(m.rows[1], 'arrivedEquityWan', '1');
    const done = saver.flush();
    requests[0].answer.error('conflict');
    await expect(done).resolves.toBe(false);
    expect(saver.state().kind).toBe('stopped');
    m.edit(m.rows[1], 'arrivedEquityWan', '2');
    saver.touch();
    await expect(saver.flush()).resolves.toBe(false);
    jest.advanceTimersByTime(2000);
    expect(requests).toHaveLength(1);
  });
});

describe('work order and filters (issue 13)', () => {
  const rows = () =>
    new ReportGridModel(
      gridResponse([
        gridRow('01', report('01', 'VERIFIED', 2)),
        gridRow('02', report('02', 'DRAFT', 1)),
        gridRow('03'),
        gridRow('04', report('04', 'RETURNED', 3)),
        gridRow('05', report('05', 'SUBMITTED', 2)),
        { ...gridRow('51'), lastMonth: null },
      ]),
      true,
    ).rows;

  it('puts what is still to do first, the newest project first in each group', () => {
    expect(workOrder(rows()).map((r) => r.projectId)).toEqual(['04', '51', '03', '02', '05', '01']);
  });

  it('filters by what is left to do', () => {
    const all = rows();
    expect(filterRows(all, 'MISSING').map((r) => r.projectId)).toEqual(['03', '51']);
    expect(filterRows(all, 'DRAFT').map((r) => r.projectId)).toEqual(['02']);
    expect(filterRows(all, 'RETURNED').map((r) => r.projectId)).toEqual(['04']);
    expect(filterRows(all, 'ALL')).toHaveLength(6);
  });

  it('knows a row never reported before', () => {
    expect(rows().filter(isNewRow).map((r) => r.projectId)).toEqual(['51']);
  });
});
