import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The title row of a page: heading, a line of explanation, and the page's actions on the right. */
@Component({
  selector: 'zs-page-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="zs-page-header">
      <div class="zs-page-header__text">
        <h1 class="zs-page-header__title">{{ heading() }}</h1>
        @if (description()) {
          <p class="zs-page-header__description">{{ description() }}</p>
        }
      </div>
      <div class="zs-page-header__actions"><ng-content /></div>
    </div>
  `,
  styles: `
    .zs-page-header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: 12px;
      margin-bottom: 16px;
    }
    .zs-page-header__title {
      margin: 0;
      font-size: 20px;
      font-weight: 600;
      line-height: 28px;
      color: rgba(0, 0, 0, 0.88);
    }
    .zs-page-header__description {
      margin: 4px 0 0;
      color: rgba(0, 0, 0, 0.45);
    }
    .zs-page-header__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class PageHeader {
  readonly heading = input.required<string>();
  readonly description = input<string>('');
}
