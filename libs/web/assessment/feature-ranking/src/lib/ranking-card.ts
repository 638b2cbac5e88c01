import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { shanghaiToday } from '@zhaoshang/shared/domain';
import { NzCardModule } from 'ng-zorro-antd/card';
import { AssessmentApi } from './assessment.api';
import { defaultPeriod } from './periods';
import { RankingList } from './ranking-list';

/**
 * 考核排名 on the leader's 驾驶舱: the last ended quarter's ranking, compact (score and bar), one
 * tap from the full page. Left out when the request fails: the figures above do not depend on it.
 */
@Component({
  selector: 'zs-ranking-card',
  imports: [RouterLink, NzCardModule, RankingList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length > 0) {
      <nz-card [nzTitle]="'考核排名 · ' + label()" [nzExtra]="more" [nzBordered]="false" data-testid="ranking-card">
        <zs-ranking-list [rows]="rows()" [compact]="true" />
      </nz-card>
      <ng-template #more><a routerLink="/assessment" data-testid="ranking-card-all">详情</a></ng-template>
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class RankingCard {
  private readonly api = inject(AssessmentApi);
  protected readonly ranking = rxResource({ stream: () => this.api.ranking(defaultPeriod(shanghaiToday())) });
  protected readonly label = computed(() => (this.ranking.hasValue() ? this.ranking.value().period.label : ''));
  protected readonly rows = computed(() => (this.ranking.hasValue() ? this.ranking.value().rows.filter((r) => r.score !== null) : []));
}
