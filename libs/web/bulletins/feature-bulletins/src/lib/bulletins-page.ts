import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import {
  type BulletinContent,
  type BulletinSummary,
  bulletinRate,
  can,
  monthLabel,
  monthOf,
  quarterLabel,
  quarterOf,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { DateTimePipe, PageHeader, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { apiErrorMessage, downloadAction, formatCount, formatWan, saveAction } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, of, switchMap, tap } from 'rxjs';
import { BulletinsApi } from './bulletins.api';

/** The 下步要求 the textarea starts with: the usual three points, for the staff to edit. */
export const DEFAULT_CLOSING =
  '一是紧盯签约项目落地转化，对签约未开工项目逐一明确开工时间和责任人。\n' +
  '二是加快资金到位，排名靠后的旗县市区要认真分析原因，制定追赶措施。\n' +
  '三是及时办理预警和督办事项，超期未办结的按程序升级督办。';

/** The quarters offered: the last eight up to the current one, newest first. */
export function quarterOptions(today: string = shanghaiToday(), count = 8): string[] {
  const current = quarterOf(monthOf(today));
  let year = Number(current.slice(0, 4));
  let q = Number(current.slice(6));
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    out.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

/** The page opens on the last quarter that has ended: the one a bulletin is usually written for. */
export function defaultQuarter(today: string = shanghaiToday()): string {
  return quarterOptions(today, 2)[1];
}

/**
 * 季度通报 (issue 15 item 2): pick a quarter, see what the bulletin will say (only closed months
 * count; open ones are named), edit 下步要求, generate the .docx; the bulletins kept so far download
 * again unchanged.
 */
@Component({
  selector: 'zs-bulletins-page',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzEmptyModule, NzInputModule, NzSelectModule, NzSpinModule, NzTableModule, NzTagModule, DateTimePipe, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bulletins-page.html',
  styleUrl: './bulletins-page.less',
})
export class BulletinsPage {
  private readonly api = inject(BulletinsApi);
  private readonly user = inject(AuthService).currentUser;
  private readonly message = inject(NzMessageService);

  protected readonly isPhone = injectIsPhone();
  protected readonly quarters = quarterOptions();
  protected readonly quarter = signal(defaultQuarter());
  protected readonly preview = signal<BulletinContent | null>(null);
  protected readonly loading = signal(false);
  protected readonly previewError = signal<string | null>(null);
  protected readonly bulletins = signal<BulletinSummary[]>([]);
  protected readonly listError = signal<string | null>(null);
  protected readonly closing = signal(DEFAULT_CLOSING);
  protected readonly generating = saveAction({ conflictMessage: '其间他人已生成了本季度的新版通报，已重新加载列表，请确认后再生成' });
  protected readonly downloading = downloadAction();

  protected readonly canGenerate = computed(() => can(this.user()?.role, 'bulletins:generate'));
  /** the latest version of the chosen quarter's bulletin on screen (0: none): sent so that two generations do not cross */
  protected readonly latestVersion = computed(() => Math.max(0, ...this.bulletins().filter((b) => b.quarter === this.quarter()).map((b) => b.version)));
  protected readonly figuresLabel = computed(() => {
    const to = this.preview()?.figuresTo;
    return to ? `1—${Number(to.slice(5, 7))}月累计（截至${monthLabel(to)}）` : '';
  });

  protected readonly quarterLabel = quarterLabel;
  protected readonly monthLabel = monthLabel;
  protected readonly rate = bulletinRate;
  protected readonly wan = formatWan;
  protected readonly count = formatCount;

  constructor() {
    toObservable(this.quarter)
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.previewError.set(null);
        }),
        switchMap((quarter) =>
          this.api.preview(quarter).pipe(
            catchError((error: unknown) => {
              this.previewError.set(apiErrorMessage(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((preview) => {
        this.loading.set(false);
        this.preview.set(preview);
      });
    this.reloadList();
  }

  protected figureText(kind: string, value: string | null): string {
    if (value === null) return '—';
    if (kind === 'rate') return bulletinRate(Number(value));
    if (kind === 'count') return formatCount(Number(value));
    return formatWan(value);
  }

  protected yoyText(yoy: number | null): string {
    return yoy === null ? '—' : `${yoy > 0 ? '+' : ''}${bulletinRate(yoy)}`;
  }

  protected reloadList(): void {
    this.api.list().subscribe({
      next: (list) => {
        this.listError.set(null);
        this.bulletins.set(list);
      },
      error: (error: unknown) => this.listError.set(apiErrorMessage(error)),
    });
  }

  protected generate(): void {
    this.generating.run(this.api.create({ quarter: this.quarter(), closingParagraph: this.closing(), version: this.latestVersion() }), {
      next: (bulletin) => {
        this.message.success(`已生成${bulletin.issueLabel}通报`);
        this.reloadList();
        this.download(bulletin);
      },
      conflict: (error) => {
        this.generating.conflict.set(this.generating.conflictText(error));
        this.reloadList();
      },
    });
  }

  protected download(bulletin: Pick<BulletinSummary, 'id' | 'quarter' | 'version'>): void {
    this.downloading.run(this.api.docx(bulletin), { error: (error) => this.message.error(apiErrorMessage(error)) });
  }
}
