import { TestBed } from '@angular/core/testing';
import type { Kpi } from './kpi';
import { KpiCard } from './kpi-card';

const ARRIVED: Kpi = {
  key: 'arrived',
  label: '到位资金',
  value: '3.10',
  unit: '亿元',
  yoy: { text: '+12.3%', trend: 'up' },
  lines: [
    { label: '占固投比重', value: '77.1%', unit: '' },
    { label: '其中千万元以上', value: '2', unit: '个', yoy: { text: '-4.0%', trend: 'down' } },
  ],
  note: '全市到位资金不含市内县际（旗县之间）资金',
};

function render(kpi: Kpi | null): HTMLElement {
  const fixture = TestBed.createComponent(KpiCard);
  fixture.componentRef.setInput('kpi', kpi);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

describe('KpiCard', () => {
  it('shows the figure with 亿元 in the label, its 同比 in red going up, the smaller figures and the note', () => {
    const card = render(ARRIVED);
    expect(text(card.querySelector('.kpi__label'))).toBe('到位资金（亿元）');
    expect(text(card.querySelector('[data-testid="kpi-value"]'))).toBe('3.10');
    // 亿元 is said in the label, not again after the figure
    expect(card.querySelector('.kpi__value-unit')).toBeNull();
    const yoy = card.querySelector('[data-testid="kpi-yoy"]');
    expect(text(yoy)).toBe('同比 +12.3%');
    expect(yoy?.classList).toContain('kpi__yoy--up');
    // label, figure and 同比 side by side (the flex gap spaces them)
    const parts = Array.from(card.querySelectorAll('.kpi__line')).map((line) => Array.from(line.children).map(text));
    expect(parts).toEqual([
      ['占固投比重', '77.1%'],
      ['其中千万元以上', '2 个', '-4.0%'],
    ]);
    expect(card.querySelector('.kpi__mini')?.classList).toContain('kpi__yoy--down');
    expect(card.querySelector('[data-testid="kpi-note"]')).not.toBeNull();
  });

  it('puts another unit after the figure, and leaves out a missing 同比 and note', () => {
    const card = render({ ...ARRIVED, key: 'signed', label: '签约项目', value: '3', unit: '个', yoy: null, lines: [], note: null });
    expect(text(card.querySelector('.kpi__label'))).toBe('签约项目');
    expect(text(card.querySelector('.kpi__value'))).toBe('3个');
    expect(card.querySelector('[data-testid="kpi-yoy"]')).toBeNull();
    expect(card.querySelector('[data-testid="kpi-note"]')).toBeNull();
  });

  it('is a placeholder while the figures load', () => {
    const card = render(null);
    expect(card.querySelector('nz-skeleton')).not.toBeNull();
    expect(card.querySelector('[data-testid="kpi-value"]')).toBeNull();
  });
});
