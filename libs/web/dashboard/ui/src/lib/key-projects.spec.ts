import { TestBed } from '@angular/core/testing';
import { type KeyProjectFigures, KeyProjects } from './key-projects';

const FIGURES: KeyProjectFigures = {
  count: '12',
  started: '9',
  approved: '4',
  startPercent: 75,
  startText: '75.0%',
  approvalsPercent: 33.3,
  approvalsText: '33.3%',
  countYoy: { text: '+20.0%', trend: 'up' },
  startedYoy: { text: '-10.0%', trend: 'down' },
  approvedYoy: { text: '—', trend: null },
};

describe('KeyProjects', () => {
  function render(compact: boolean) {
    const fixture = TestBed.createComponent(KeyProjects);
    fixture.componentRef.setInput('figures', FIGURES);
    fixture.componentRef.setInput('compact', compact);
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows the number and both rates, and asks for the list on a click', () => {
    const { fixture, element } = render(false);
    const text = element.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(element.querySelector('[data-testid="key-count"]')?.textContent).toBe('12');
    expect(text).toContain('重点项目（个）');
    expect(text).toContain('75.0%');
    expect(text).toContain('9 个开复工');
    expect(text).toContain('33.3%');
    expect(text).toContain('4 个办结');
    // each figure with its 同比, growth red and a fall green
    const yoy = (id: string) => element.querySelector(`[data-testid="${id}"]`);
    expect(yoy('key-count-yoy')?.textContent?.trim()).toBe('同比 +20.0%');
    expect(yoy('key-count-yoy')?.classList).toContain('key__yoy--up');
    expect(yoy('key-started-yoy')?.classList).toContain('key__yoy--down');
    expect(yoy('key-approved-yoy')?.textContent?.trim()).toBe('同比 —');
    let opened = 0;
    fixture.componentInstance.open.subscribe(() => opened++);
    element.querySelector<HTMLButtonElement>('[data-testid="key-projects"]')?.click();
    expect(opened).toBe(1);
  });

  it('draws smaller rings on a phone', () => {
    const ringWidths = (element: HTMLElement) => Array.from(element.querySelectorAll<HTMLElement>('zs-gauge')).map((ring) => ring.style.getPropertyValue('--gauge-size'));
    expect(ringWidths(render(false).element)).toEqual(['112px', '112px']);
    expect(ringWidths(render(true).element)).toEqual(['96px', '96px']);
  });

  it('fills each ring to its rate, and names it for screen readers', () => {
    const { element } = render(false);
    const fill = (id: string) => element.querySelector(`[data-testid="${id}"] .gauge__fill`)?.getAttribute('stroke-dasharray')?.split(' ').map(Number);
    const [started, startArc] = fill('key-start-gauge') ?? [];
    const [approved, approvedArc] = fill('key-approved-gauge') ?? [];
    expect(started / startArc).toBeCloseTo(0.75, 3);
    expect(approved / approvedArc).toBeCloseTo(0.333, 3);
    expect(element.querySelector('[data-testid="key-start-gauge"]')?.getAttribute('aria-label')).toBe('开复工率');
  });
});
