import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PageHeader } from './page-header';
import { DateTimePipe, FirstErrorPipe, MoneyPipe, WanPipe } from './pipes';

@Component({
  selector: 'zs-host',
  imports: [PageHeader, DateTimePipe, FirstErrorPipe, MoneyPipe, WanPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-page-header heading="用户管理" description="管理系统账号"><button>新建用户</button></zs-page-header>
    <span class="time">{{ '2026-01-01T00:00:00Z' | zsDateTime }}</span>
    <span class="error">{{ { required: '请输入用户名' } | zsFirstError }}</span>
    <span class="wan">{{ '1350.5' | zsWan }}</span>
    <span class="money">{{ '875200' | zsMoney }}</span>
  `,
})
class Host {}

describe('shared ui', () => {
  it('renders the page header with its actions and formats times and errors', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('h1')?.textContent).toBe('用户管理');
    expect(el.querySelector('.zs-page-header__description')?.textContent).toBe('管理系统账号');
    expect(el.querySelector('.zs-page-header__actions button')?.textContent).toBe('新建用户');
    expect(el.querySelector('.time')?.textContent).toBe('2026-01-01 08:00');
    expect(el.querySelector('.error')?.textContent).toBe('请输入用户名');
    expect(el.querySelector('.wan')?.textContent).toBe('1,350.50');
    expect(el.querySelector('.money')?.textContent).toBe('87.52 亿元');
  });
});
