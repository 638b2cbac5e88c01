import { TestBed } from '@angular/core/testing';
import { WarningCounts } from './warning-counts';

describe('WarningCounts', () => {
  it('shows the red and the yellow count, each in its level’s colour class', () => {
    const fixture = TestBed.createComponent(WarningCounts);
    fixture.componentRef.setInput('red', 3);
    fixture.componentRef.setInput('yellow', 0);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const red = element.querySelector('[data-testid="warning-count-red"]');
    const yellow = element.querySelector('[data-testid="warning-count-yellow"]');
    expect(red?.textContent).toBe('红 3');
    expect(red?.classList).toContain('warn-count--red');
    expect(yellow?.textContent).toBe('黄 0');
    expect(yellow?.classList).toContain('warn-count--yellow');
  });
});
