import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { openRoutedPage, typeInto } from './testing';

@Component({
  selector: 'zs-demo-page',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p data-testid="greeting">{{ greeting() }}</p><input [formControl]="name" data-testid="name" />`,
})
class DemoPage {
  readonly greeting = signal('…');
  readonly name = new FormControl('');
  constructor() {
    inject(HttpClient)
      .get<{ text: string }>('/api/v1/greeting')
      .subscribe(({ text }) => this.greeting.set(text));
  }
}

describe('openRoutedPage', () => {
  it('shows the page routed under its path, and hands its requests to the test', async () => {
    const page = await openRoutedPage('demo', [{ path: 'child', component: DemoPage }], '/demo/child');
    page.backend.expectOne('/api/v1/greeting').flush({ text: '你好' });
    await page.harness.fixture.whenStable();
    expect(page.el.tagName.toLowerCase()).toBe('zs-demo-page');
    expect(page.byTestId('greeting')?.textContent).toBe('你好');
    expect(page.byTestId('nothing')).toBeNull();
    page.backend.verify();
  });

  it('types into an input so that its form control sees the value', async () => {
    const page = await openRoutedPage('demo', [{ path: '', component: DemoPage }]);
    typeInto(page.byTestId('name'), '奈曼旗');
    expect((page.harness.routeDebugElement?.componentInstance as DemoPage).name.value).toBe('奈曼旗');
    expect(() => typeInto(page.byTestId('greeting'), 'x')).toThrow('no input element');
  });
});
