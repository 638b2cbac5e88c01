import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NOTICE_KIND_LABELS, type NoticeDto, chineseDate } from '@zhaoshang/shared/domain';

/**
 * The notice as it will print (DOMAIN.md §9: 文号, 标题, 主送单位, 正文, 办理时限, 落款, 日期), on a
 * paper-like card, so that a leader signs what the recipient will read. Before it is issued the
 * 文号 is not yet given (numbers are taken on issue) and the date is the day of drafting.
 */
@Component({
  selector: 'zs-notice-paper',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="paper" data-testid="notice-paper">
      <header class="head">
        <div class="office">{{ issuer() }}</div>
        <div class="kind">{{ kindLabel() }}</div>
        <div class="number" data-testid="notice-number">{{ notice().number ?? '（签发后编号）' }}</div>
      </header>
      <h2 class="title" data-testid="notice-title">{{ notice().title }}</h2>
      <p class="to"><span data-testid="notice-recipient">{{ notice().recipientUnitName }}</span>：</p>
      @for (paragraph of facts(); track $index) {
        <p class="body">{{ paragraph }}</p>
      }
      @for (paragraph of requirement(); track $index) {
        <p class="body">{{ paragraph }}</p>
      }
      <p class="body">办理时限：请于<strong data-testid="notice-deadline-text">{{ deadline() }}</strong>前办结，并将办理情况书面反馈{{ issuer() }}。</p>
      <footer class="sign">
        <div>{{ issuer() }}</div>
        <div>{{ date() }}</div>
        @if (notice().signerLeaderName; as signer) {
          <div class="signer">签发人：{{ signer }}@if (notice().signedAt) { （已签发） }</div>
        }
      </footer>
    </article>
  `,
  styles: `
    :host {
      display: block;
    }
    .paper {
      max-width: 720px;
      margin: 0 auto;
      padding: 40px 56px 48px;
      color: #1f1f1f;
      font-family: 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', serif;
      font-size: 16px;
      line-height: 1.9;
      background: #fff;
      border: 1px solid #e8e8e8;
      box-shadow: 0 2px 8px rgba(0, 0, 0, 0.08);
      overflow-wrap: anywhere;
    }
    .head {
      padding-bottom: 8px;
      text-align: center;
      border-bottom: 2px solid #cf1322;
    }
    .office,
    .kind {
      color: #cf1322;
      font-weight: 700;
      letter-spacing: 2px;
    }
    .office {
      font-size: 22px;
    }
    .kind {
      font-size: 28px;
      letter-spacing: 8px;
    }
    .number {
      margin-top: 4px;
      font-size: 15px;
    }
    .title {
      margin: 20px 0 12px;
      font-size: 20px;
      font-weight: 700;
      line-height: 1.6;
      text-align: center;
    }
    .to {
      margin: 0 0 4px;
    }
    .body {
      margin: 0 0 4px;
      text-indent: 2em;
      white-space: pre-line;
    }
    .sign {
      margin-top: 32px;
      text-align: right;
    }
    .signer {
      margin-top: 8px;
      color: rgba(0, 0, 0, 0.55);
      font-size: 14px;
    }
    @media (max-width: 575.98px) {
      .paper {
        padding: 20px 16px 24px;
        font-size: 15px;
        line-height: 1.8;
      }
      .office {
        font-size: 18px;
      }
      .kind {
        font-size: 22px;
        letter-spacing: 4px;
      }
      .title {
        font-size: 17px;
      }
    }
  `,
})
export class NoticePaper {
  readonly notice = input.required<NoticeDto>();
  /** the 落款 (NoticeSettings.issuer) */
  readonly issuer = input.required<string>();

  protected readonly kindLabel = computed(() => NOTICE_KIND_LABELS[this.notice().kind]);
  protected readonly facts = computed(() => paragraphs(this.notice().facts));
  protected readonly requirement = computed(() => paragraphs(this.notice().requirement));
  protected readonly deadline = computed(() => chineseDate(this.notice().deadline));
  protected readonly date = computed(() => chineseDate((this.notice().issuedAt ?? this.notice().createdAt).slice(0, 10)));
}

/** Blank lines end a paragraph; single line breaks stay inside it. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
