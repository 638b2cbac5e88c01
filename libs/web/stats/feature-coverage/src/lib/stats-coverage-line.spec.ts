import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { StatsCoverageResponse } from '@zhaoshang/shared/domain';
import { StatsCoverageLine } from './stats-coverage-line';

async function render(month: string, region: string) {
  TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(StatsCoverageLine);
  fixture.componentRef.setInput('month', month);
  fixture.componentRef.setInput('region', region);
  // the request is pending until the test answers it: a tick, not whenStable (which would wait for it)
  fixture.detectChanges();
  await new Promise((resolve) => setTimeout(resolve, 0));
  TestBed.tick();
  return { fixture, http: TestBed.inject(HttpTestingController) };
}

describe('StatsCoverageLine', () => {
  it('says how many of our 入库 projects the bureau lists, and links to the reconciliation of that list', async () => {
    TestBed.resetTestingModule();
    const { fixture, http } = await render('2026-11', '150500');
    const request = http.expectOne((r) => r.url === '/api/v1/stats-projects/coverage');
    expect(request.request.params.toString()).toBe('month=2026-11&region=150500');
    request.flush({ month: '2026-11', listMonth: '2026-10', regionCode: '150500', registeredCount: 358, alsoListedCount: 304, share: 0.8492 } satisfies StatsCoverageResponse);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent?.replace(/\s+/g, ' ').trim()).toBe('统计入库：我方已入库 358 个项目，统计局2026年10月清单列入 304 个，占 84.9%统计对账 ›');
    expect(el.querySelector('a')?.getAttribute('href')).toBe('/stats/reconciliation?month=2026-10&region=150500');
  });

  it('stays quiet when the figure cannot be read', async () => {
    TestBed.resetTestingModule();
    const { fixture, http } = await render('2026-11', '150500');
    http.expectOne((r) => r.url === '/api/v1/stats-projects/coverage').flush({ statusCode: 500 }, { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="stats-coverage"]')).toBeNull();
  });
});
