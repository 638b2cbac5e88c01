import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { PublicationDifferences, PublicationRevision } from '@zhaoshang/shared/domain';
import { formatDifference, formatFigure } from './figure-format';
import { fieldLabels, initialMonth } from './revisions-page';
import { revisionsRoutes } from './revisions.routes';

const revisions: PublicationRevision[] = [
  { month: '2026-03', revision: 1, publishedAt: '2026-04-10T02:00:00Z', publishedBy: '刘军', reason: null },
  { month: '2026-03', revision: 2, publishedAt: '2026-04-20T02:00:00Z', publishedBy: '刘军', reason: '开鲁县补报' },
];
const differences: PublicationDifferences = {
  month: '2026-03',
  from: { revision: 2, publishedAt: '2026-04-20T02:00:00Z' },
  to: null,
  rows: [
    { regionCode: '150500', regionName: '通辽市', period: 'MONTH', indicator: 'arrivedFundsWan', label: '到位资金', kind: 'amount', before: '100.00', after: '1150.00', difference: '1050.00' },
    { regionCode: '150523', regionName: '开鲁县', period: 'YTD', indicator: 'startRate', label: '开工率', kind: 'rate', before: 0.5, after: 0.25, difference: -0.25 },
  ],
  corrections: [{ at: '2026-04-22T02:00:00Z', actorName: '王芳', projectNo: '150523-2026-0001', projectName: '开鲁光伏', fields: ['signedAt'], reason: '签约日期录错' }],
};

describe('figure formats', () => {
  it('shows amounts in 万元, counts, rates in % and their differences with a sign', () => {
    expect(formatFigure('amount', '1234.5')).toBe('1,234.50');
    expect(formatDifference('amount', '-50.00')).toBe('-50.00');
    expect(formatDifference('count', 2)).toBe('+2');
    expect(formatFigure('rate', 0.5012)).toBe('50.12%');
    expect(formatDifference('rate', -0.25)).toBe('-25.00 个百分点');
    expect(formatDifference('points', 1.5)).toBe('+1.50 个百分点');
    expect(formatFigure('rate', null)).toBe('—');
  });

  it('opens on the asked month up to this one, else last month; names corrected fields in Chinese', () => {
    expect(initialMonth('2026-03', '2026-05-02')).toBe('2026-03');
    expect(initialMonth('2026-06', '2026-05-02')).toBe('2026-04');
    expect(initialMonth('nope', '2026-01-02')).toBe('2025-12');
    expect(fieldLabels(['signedAt', 'unknownField'])).toContain('unknownField');
    expect(fieldLabels(['signedAt'])).not.toBe('signedAt');
  });
});

describe('RevisionsPage', () => {
  async function open(url: string) {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'revisions', children: revisionsRoutes }]), provideHttpClient(), provideHttpClientTesting()] });
    const harness = await RouterTestingHarness.create(url);
    return { harness, backend: TestBed.inject(HttpTestingController), page: harness.routeNativeElement as HTMLElement };
  }

  it('compares the latest revision with the figures now, lists what differs and the corrections', async () => {
    const { harness, backend, page } = await open('/revisions?month=2026-03');
    backend.expectOne('/api/v1/publications/2026-03/revisions').flush(revisions);
    await harness.fixture.whenStable();
    expect(Array.from(page.querySelectorAll('[data-testid="revision"]')).map((r) => r.getAttribute('data-revision'))).toEqual(['1', '2']);
    expect(page.textContent).toContain('修订原因：开鲁县补报');
    const request = backend.expectOne((r) => r.url === '/api/v1/publications/2026-03/differences');
    expect(request.request.params.get('from')).toBe('2');
    expect(request.request.params.has('to')).toBe(false);
    request.flush(differences);
    await harness.fixture.whenStable();
    const rows = Array.from(page.querySelectorAll('[data-testid="difference"]'));
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('通辽市');
    expect(rows[0].textContent).toContain('1,150.00');
    expect(rows[0].textContent).toContain('+1,050.00');
    expect(rows[1].textContent).toContain('-25.00 个百分点');
    expect(page.querySelector('[data-testid="correction"]')?.textContent).toContain('签约日期录错');
    expect(page.textContent).toContain('第2版 → 现值');
  });

  it('says so for a month never closed, and asks nothing more', async () => {
    const { harness, backend, page } = await open('/revisions?month=2026-03');
    backend.expectOne('/api/v1/publications/2026-03/revisions').flush([]);
    await harness.fixture.whenStable();
    expect(page.textContent).toContain('该月尚未月结，没有发布的数据');
    backend.expectNone((r) => r.url.endsWith('/differences'));
  });

  it('says when two revisions agree', async () => {
    const { harness, backend, page } = await open('/revisions?month=2026-03');
    backend.expectOne('/api/v1/publications/2026-03/revisions').flush(revisions.slice(0, 1));
    await harness.fixture.whenStable();
    backend.expectOne((r) => r.url.endsWith('/differences')).flush({ ...differences, from: { revision: 1, publishedAt: '' }, rows: [], corrections: [] });
    await harness.fixture.whenStable();
    expect(page.querySelector('[data-testid="differences-none"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="corrections-none"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="differences-previous"]')).toBeNull();
  });

  it('offers the step to the latest revision when it agrees with the figures now', async () => {
    const { harness, backend, page } = await open('/revisions?month=2026-03');
    backend.expectOne('/api/v1/publications/2026-03/revisions').flush(revisions);
    await harness.fixture.whenStable();
    backend.expectOne((r) => r.url.endsWith('/differences')).flush({ ...differences, rows: [], corrections: [] });
    await harness.fixture.whenStable();
    const step = page.querySelector<HTMLElement>('[data-testid="differences-previous"]');
    expect(step?.textContent).toContain('查看第1版 → 第2版的修订');
    step?.click();
    await harness.fixture.whenStable();
    const request = backend.expectOne((r) => r.url.endsWith('/differences'));
    expect([request.request.params.get('from'), request.request.params.get('to')]).toEqual(['1', '2']);
    request.flush({ ...differences, from: { revision: 1, publishedAt: '' }, to: { revision: 2, publishedAt: '' } });
    await harness.fixture.whenStable();
    expect(page.querySelectorAll('[data-testid="difference"]')).toHaveLength(2);
    expect(page.textContent).toContain('第1版 → 第2版');
  });
});
