import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PublicationStatus } from '@zhaoshang/shared/domain';
import { PublicationBadge } from './publication-badge';

@Component({
  selector: 'zs-host',
  imports: [PublicationBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<zs-publication-badge [month]="month()" />`,
})
class Host {
  readonly month = signal<string | null>('2026-03');
}

const status = (overrides: Partial<PublicationStatus>): PublicationStatus => ({
  month: '2026-03',
  closed: true,
  revision: 1,
  publishedAt: '2026-04-10T02:00:00Z',
  revised: false,
  ...overrides,
});

async function render() {
  TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const backend = TestBed.inject(HttpTestingController);
  const answer = async (body: PublicationStatus, month = '2026-03') => {
    backend.expectOne(`/api/v1/publications/${month}/status`).flush(body);
    await fixture.whenStable();
  };
  const badge = () => (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('[data-testid="publication-badge"]');
  return { fixture, backend, answer, badge };
}

describe('PublicationBadge', () => {
  it('says nothing for an open month', async () => {
    const { answer, badge } = await render();
    await answer(status({ closed: false, revision: null, publishedAt: null }));
    expect(badge()).toBeNull();
  });

  it('names the revision of a closed month', async () => {
    const { answer, badge } = await render();
    await answer(status({}));
    expect(badge()?.textContent?.trim()).toBe('已发布 · 第1版');
    expect(badge()?.tagName).not.toBe('A');
  });

  it('shows a revised month in red, linking to its differences', async () => {
    const { answer, badge } = await render();
    await answer(status({ revision: 2, revised: true }));
    expect(badge()?.textContent?.trim()).toBe('已修订（第2版）');
    expect(badge()?.getAttribute('href')).toBe('/reports/revisions?month=2026-03');
    expect(badge()?.querySelector('.ant-tag-error')).not.toBeNull();
  });

  it('asks again for another month, and says nothing when the question fails', async () => {
    const { fixture, backend, answer, badge } = await render();
    await answer(status({}));
    fixture.componentInstance.month.set('2026-04');
    await fixture.whenStable();
    backend.expectOne('/api/v1/publications/2026-04/status').flush({ statusCode: 500 }, { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    expect(badge()).toBeNull();
    fixture.componentInstance.month.set(null);
    await fixture.whenStable();
    backend.expectNone(() => true);
  });
});
