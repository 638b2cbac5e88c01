import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { shanghaiToday } from '@zhaoshang/shared/domain';
import { NzDatePickerComponent } from 'ng-zorro-antd/date-picker';
import { MonthPicker } from './month-picker';

@Component({
  selector: 'zs-host',
  imports: [MonthPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<zs-month-picker [month]="month()" testId="demo-month" (picked)="picks.push($event)" />`,
})
class Host {
  readonly month = signal('2026-03');
  readonly picks: string[] = [];
}

async function setup() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const picker = fixture.debugElement.query(By.directive(NzDatePickerComponent));
  return { fixture, host: fixture.componentInstance, picker: picker.componentInstance as NzDatePickerComponent, element: picker.nativeElement as HTMLElement };
}

describe('MonthPicker', () => {
  it('shows the month as 2026年3月 under the given test id, with no clear button', async () => {
    const { fixture, element } = await setup();
    await fixture.whenStable();
    expect(element.getAttribute('data-testid')).toBe('demo-month');
    expect(element.getAttribute('aria-label')).toBe('月份');
    expect(element.querySelector('input')?.value).toBe('2026年3月');
    expect(element.querySelector('.ant-picker-clear')).toBeNull();
  });

  it('hands a picked month on as YYYY-MM, and nothing for an empty pick', async () => {
    const { host, picker } = await setup();
    picker.onChangeFn(new Date(2025, 10, 1));
    picker.onChangeFn(null);
    expect(host.picks).toEqual(['2025-11']);
  });

  it('offers no month after this one', async () => {
    const { picker } = await setup();
    const disabled = picker.nzDisabledDate;
    if (!disabled) throw new Error('no disabledDate');
    const [year, month] = shanghaiToday().split('-').map(Number);
    expect(disabled(new Date(year, month - 1, 1))).toBe(false);
    expect(disabled(new Date(year, month, 1))).toBe(true);
    expect(disabled(new Date(year - 1, month - 1, 1))).toBe(false);
  });
});
