import { TestBed } from '@angular/core/testing';
import type { AssessmentRow } from '@zhaoshang/shared/domain';
import { RankingList } from './ranking-list';

const rows: AssessmentRow[] = [
  {
    regionCode: '150525',
    regionName: '奈曼旗',
    score: 65,
    rank: 1,
    components: [
      { component: 'signedAmountWan', label: '签约额目标完成率', ratio: 1.5, weight: 0.5, effectiveWeight: 0.5, points: 50 },
      { component: 'issuesOnTime', label: '问题按时办结率', ratio: 0.5, weight: 0.3, effectiveWeight: 0.3, points: 15 },
      { component: 'noticesOnTime', label: '督办事项按时办结率', ratio: null, weight: 0.2, effectiveWeight: 0, points: 0 },
    ],
  },
  { regionCode: '150502', regionName: '科尔沁区', score: null, rank: null, components: [] },
];

describe('RankingList', () => {
  function render(compact: boolean): HTMLElement {
    const fixture = TestBed.createComponent(RankingList);
    fixture.componentRef.setInput('rows', rows);
    fixture.componentRef.setInput('compact', compact);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows rank, score, a bar segment per earning component and the ratios beneath', () => {
    const page = render(false);
    const [first, second] = Array.from(page.querySelectorAll('[data-testid="ranking-row"]'));
    expect(first.querySelector('.rank')?.textContent?.trim()).toBe('1');
    expect(first.querySelector('[data-testid="ranking-score"]')?.textContent?.trim()).toBe('65.00');
    // the points are percentages of the whole bar; the null component draws nothing
    expect(Array.from(first.querySelectorAll<HTMLElement>('.segment')).map((s) => s.style.width)).toEqual(['50%', '15%']);
    const details = first.querySelector('.details')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(details).toContain('签约额目标完成率 150.0% · 50.00 分');
    expect(details).toContain('督办事项按时办结率 — · 不计');
    expect(second.querySelector('.rank')?.textContent?.trim()).toBe('—');
    expect(second.querySelector('[data-testid="ranking-score"]')?.textContent?.trim()).toBe('—');
  });

  it('leaves the ratios out on the compact card', () => {
    expect(render(true).querySelector('.details')).toBeNull();
  });
});
