import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { FollowThroughView } from './follow-through';

/**
 * 跟踪落实 on the 驾驶舱: the scope's problems (未办结, 超期, 办结率) and the 三单一函 issued in the period
 * and overdue by kind; the overdue figures lead to the 问题清单 and the 督办台账, filtered.
 */
@Component({
  selector: 'zs-follow-through-card',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let v = view();
    <div class="ft">
      <section class="ft__problems" aria-label="问题诉求">
        <h4 class="ft__heading">问题诉求</h4>
        <div class="ft__figures">
          <div class="ft__figure" data-testid="ft-problems-open">
            <span class="ft__value">{{ v.problems.open }}</span>
            <span class="ft__label">未办结</span>
          </div>
          <a class="ft__figure ft__figure--link" [class.ft__figure--alert]="v.problems.overdueCount > 0" [routerLink]="v.problemsLink.path" [queryParams]="v.problemsLink.queryParams" data-testid="ft-problems-overdue">
            <span class="ft__value">{{ v.problems.overdue }}</span>
            <span class="ft__label">其中超期 ›</span>
          </a>
          <div class="ft__figure" data-testid="ft-problems-rate">
            <span class="ft__value">{{ v.problems.closedRate }}</span>
            <span class="ft__label">办结率（累计 {{ v.problems.total }} 个）</span>
          </div>
        </div>
      </section>
      <section class="ft__notices" aria-label="三单一函">
        <h4 class="ft__heading">
          三单一函
          <a class="ft__more" [routerLink]="v.noticesLink.path" [queryParams]="v.noticesLink.queryParams" data-testid="ft-notices-link">超期 {{ v.noticeTotal.overdue }} 件 ›</a>
        </h4>
        <table class="ft__table" data-testid="ft-notices">
          <thead>
            <tr>
              <th scope="col">类别</th>
              <th scope="col">本期下发</th>
              <th scope="col">超期</th>
            </tr>
          </thead>
          <tbody>
            @for (line of v.notices; track line.kind) {
              <tr [attr.data-kind]="line.kind" data-testid="ft-notice-row">
                <th scope="row">{{ line.label }}</th>
                <td>{{ line.issued }}</td>
                <td>
                  @if (line.link; as link) {
                    <a class="ft__overdue" [routerLink]="link.path" [queryParams]="link.queryParams">{{ line.overdue }}</a>
                  } @else {
                    {{ line.overdue }}
                  }
                </td>
              </tr>
            }
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">合计</th>
              <td data-testid="ft-notices-issued">{{ v.noticeTotal.issued }}</td>
              <td data-testid="ft-notices-overdue" [class.ft__overdue]="v.noticeTotal.overdueCount > 0">{{ v.noticeTotal.overdue }}</td>
            </tr>
          </tfoot>
        </table>
      </section>
    </div>
    <p class="ft__note">未办结、超期为截至 {{ v.asOf }} 的状态；下发为所选期间内编号下发的件数。</p>
  `,
  styleUrl: './follow-through-card.less',
})
export class FollowThroughCard {
  readonly view = input.required<FollowThroughView>();
}
