import { TestBed } from '@angular/core/testing';
import { GAUGE_ARC_LENGTH, Gauge } from './gauge';

describe('Gauge', () => {
  function fill(percent: number): string | null {
    const fixture = TestBed.createComponent(Gauge);
    fixture.componentRef.setInput('percent', percent);
    fixture.detectChanges();
    return (fixture.nativeElement as HTMLElement).querySelector('.gauge__fill')?.getAttribute('stroke-dasharray') ?? null;
  }

  it('draws no fill at 0 % (a round cap would show a dot), the whole arc at 100 %, and clamps', () => {
    expect(fill(0)).toBeNull();
    expect(fill(Number.NaN)).toBeNull();
    expect(fill(100)).toBe(`${GAUGE_ARC_LENGTH.toFixed(2)} ${GAUGE_ARC_LENGTH.toFixed(2)}`);
    expect(fill(250)).toBe(fill(100));
    expect(fill(50)?.split(' ').map(Number)[0]).toBeCloseTo(GAUGE_ARC_LENGTH / 2, 1);
  });
});
