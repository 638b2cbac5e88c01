import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NOTICE_KIND_LABELS, type NoticeDto, chineseDate, needsSignature, shanghaiToday } from '@zhaoshang/shared/domain';

/**
 * The notice as it will print (DOMAIN.md §9: 文号, 标题, 主送单位, 正文, 办理时限, 落款, 日期), on a
 * paper-like card, laid out as the API's .docx (notice-docx.ts): the red 版头, the 文号 (with the
 * 签发人 for 督办单 and 移交函) over the red rule, 标题, 主送, 正文, 办理时限, 落款 and date. A draft shows
 * （草稿） where the number goes (numbers are taken on issue).
 */
@Component({
  selector: 'zs-notice-paper',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="paper" data-testid="notice-paper">
      <header class="head">
        <div class="office">{{ issuer() }}{{ kindLabel() }}</div>
      </header>
      <div class="number" [class.number--signed]="signs()">
        <span data-testid="notice-number">{{ notice().number ?? '（草稿）' }}</span>
        @if (signs()) {
          <span class="signer">签发人：{{ notice().signerLeaderName ?? '' }}</span>
        }
      </div>
      <h2 class="title" data-testid="notice-title">{{ notice().title }}</h2>
      <p class="to"><span data-testid="notice-recipient">{{ notice().recipientUnitName }}</span>：</p>
      @for (paragraph of facts(); track $index) {
        <p class="body">{{ paragraph }}</p>
      }
      @for (paragraph of requirement(); track $index) {
        <p class="body">{{ paragraph }}</p>
      }
      <p class="body"><strong class="label">办理时限：</strong><span data-testid="notice-deadline-text">{{ deadline() }}前</span></p>
      <footer class="sign">
        <div>{{ issuer() }}</div>
        <div>{{ date() }}</div>
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
      text-align: center;
    }
    .office {
      color: #cf1322;
      font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', serif;
      font-size: 28px;
      font-weight: 700;
      letter-spacing: 4px;
      line-height: 1.4;
    }
    /* the 文号 above the red rule; with a 签发人 (督办单、移交函) the two share the line (GB/T 9704) */
    .number {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0 16px;
      margin-top: 12px;
      padding: 0 1em 6px;
      font-size: 15px;
      border-bottom: 2px solid #cf1322;
    }
    .number--signed {
      justify-content: space-between;
    }
    .signer {
      font-family: 'KaiTi', 'STKaiti', 'Noto Serif CJK SC', serif;
    }
    .label {
      font-family: 'SimHei', 'Heiti SC', 'Noto Sans CJK SC', sans-serif;
      font-weight: 600;
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
    @media (max-width: 575.98px) {
      .paper {
        padding: 20px 16px 24px;
        font-size: 15px;
        line-height: 1.8;
      }
      .office {
        font-size: 20px;
        letter-spacing: 2px;
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
  protected readonly signs = computed(() => needsSignature(this.notice().kind));
  protected readonly facts = computed(() => paragraphs(this.notice().facts));
  protected readonly requirement = computed(() => paragraphs(this.notice().requirement));
  protected readonly deadline = computed(() => chineseDate(this.notice().deadline));
  /** as the .docx dates it: the day of issue; a draft the day it is looked at (it is dated for real when signed) */
  protected readonly date = computed(() => chineseDate(this.notice().issuedAt ?? shanghaiToday()));
}

/** Blank lines end a paragraph; single line breaks stay inside it. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
