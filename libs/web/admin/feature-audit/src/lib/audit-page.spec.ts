import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CalendarOutline, CloseCircleFill, SearchOutline, SettingOutline, SwapRightOutline } from '@ant-design/icons-angular/icons';
import type { AuditEntryDto } from '@zhaoshang/shared/domain';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { AuditPage } from './audit-page';

const entry = (id: string, displayName: string): AuditEntryDto => ({
  id,
  at: '2026-03-01T02:30:00.000Z',
  actorType: 'USER',
  actorId: 'u0',
  actorName: '系统管理员',
  entity: 'user',
  entityId: 'u1',
  action: 'UPDATE',
  before: { displayName: '王芳' },
  after: { displayName },
  requestId: null,
});

function setup() {
  TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons([CalendarOutline, CloseCircleFill, SearchOutline, SettingOutline, SwapRightOutline])] });
  const fixture = TestBed.createComponent(AuditPage);
  const backend = TestBed.inject(HttpTestingController);
  const el = fixture.nativeElement as HTMLElement;
  /** the audit pages asked so far (the page loads through a resource: a render starts the request) */
  const pages = () => {
    TestBed.tick();
    return backend.match((r) => r.url === '/api/v1/audit');
  };
  backend.match('/api/v1/regions').forEach((r) => r.flush([]));
  backend.match('/api/v1/industries').forEach((r) => r.flush([]));
  const rows = () => Array.from(el.querySelectorAll('[data-testid="audit-row"]')).map((row) => row.textContent?.replace(/\s+/g, ' ').trim());
  const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
  return { fixture, el, pages, rows, text };
}

describe('AuditPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).match(() => true));

  it('shows the latest entries, and 加载更多 adds the next page below them', async () => {
    const { fixture, el, pages, rows, text } = setup();
    const [first] = pages();
    expect(first.request.params.toString()).toBe('limit=50');
    first.flush({ items: [entry('a1', '王芳芳')], nextCursor: 'c1' });
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toContain('姓名：王芳 → 王芳芳');
    expect(text('audit-end')).toBeNull();

    el.querySelector<HTMLButtonElement>('[data-testid="audit-load-more"]')?.click();
    const [more] = pages();
    expect(more.request.params.toString()).toBe('limit=50&before=c1');
    // the rows stay while the next page loads
    expect(rows()).toHaveLength(1);
    more.flush({ items: [entry('a0', '王小芳')], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);
    expect(rows()[1]).toContain('姓名：王芳 → 王小芳');
    expect(el.querySelector('[data-testid="audit-load-more"]')).toBeNull();
    expect(text('audit-end')).toBe('已显示全部 2 条记录');
  });

  it('starts over on 查询 with the filter, trimmed; a failed further page keeps the rows and the button', async () => {
    const { fixture, el, pages, rows, text } = setup();
    pages()[0].flush({ items: [entry('a9', '王芳芳')], nextCursor: null });
    await fixture.whenStable();
    fixture.componentInstance['entity'].set('project');
    fixture.componentInstance['projectNo'].set(' 150525-2026 ');
    fixture.componentInstance['actor'].set('王');
    fixture.componentInstance['dates'].set([new Date(2026, 2, 1), new Date(2026, 2, 31)]);
    el.querySelector<HTMLButtonElement>('[data-testid="audit-search"]')?.click();
    const [search] = pages();
    expect(search.request.params.toString()).toBe('limit=50&entity=project&projectNo=150525-2026&actor=%E7%8E%8B&from=2026-03-01&to=2026-03-31');
    // a new search does not show the old search's rows
    expect(rows()).toHaveLength(0);
    search.flush({ items: [entry('a2', '王芳芳'), entry('a1', '王芳')], nextCursor: 'c1' });
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);

    el.querySelector<HTMLButtonElement>('[data-testid="audit-load-more"]')?.click();
    const [more] = pages();
    expect(more.request.params.toString()).toBe('limit=50&entity=project&projectNo=150525-2026&actor=%E7%8E%8B&from=2026-03-01&to=2026-03-31&before=c1');
    more.flush({ statusCode: 500, message: '服务器出错了' }, { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);
    expect(el.querySelector('[data-testid="audit-load-more"]')).not.toBeNull();

    // the same cursor asked again
    el.querySelector<HTMLButtonElement>('[data-testid="audit-load-more"]')?.click();
    const [again] = pages();
    expect(again.request.params.get('before')).toBe('c1');
    again.flush({ items: [entry('a0', '王芳芳')], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(3);
    expect(text('audit-end')).toBe('已显示全部 3 条记录');
  });

  it('names the record by its key and opens a row to its before and after, in Chinese', async () => {
    const { fixture, el, pages, rows } = setup();
    pages()[0].flush({
      items: [
        {
          ...entry('a3', ''),
          entity: 'project',
          entityId: '7f1c0e9a-1111-4222-8333-944445555666',
          subject: '150525-2026-0001 风电项目',
          before: { stage: 'SIGNED', investorOrigin: 'LOCAL', constructionStartedAt: null, version: 1 },
          after: { stage: 'UNDER_CONSTRUCTION', investorOrigin: 'OUT_OF_REGION', constructionStartedAt: '2026-03-01', version: 2 },
        },
      ],
      nextCursor: null,
    });
    await fixture.whenStable();
    expect(rows()[0]).toContain('项目150525-2026-0001 风电项目');
    expect(rows()[0]).toContain('投资方来源：本地 → 区外；项目阶段：已签约 → 开工在建 等 3 项');
    expect(rows()[0]).not.toMatch(/SIGNED|OUT_OF_REGION|7f1c0e9a/);
    expect(el.querySelector('[data-testid="audit-details"]')).toBeNull();
    el.querySelector<HTMLElement>('[data-testid="audit-row"] .ant-table-row-expand-icon')?.click();
    await fixture.whenStable();
    const changes = Array.from(el.querySelectorAll('[data-testid="audit-change"]')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim()));
    expect(changes).toEqual([
      ['投资方来源', '本地', '区外'],
      ['项目阶段', '已签约', '开工在建'],
      ['开工日期', '（空）', '2026-03-01'],
    ]);
  });

  it('shows nothing below the table when the first page fails', async () => {
    const { fixture, el, pages, rows } = setup();
    pages()[0].flush({ statusCode: 500, message: '服务器出错了' }, { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    expect(rows()).toHaveLength(0);
    expect(el.querySelector('.more')).toBeNull();
  });
});
