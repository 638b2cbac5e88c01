import { chineseDate, needsSignature, NOTICE_KIND_LABELS, type NoticeDto, shanghaiToday } from '@zhaoshang/shared/domain';
import { Document, LineRuleType, Packer, Paragraph, TabStopType } from 'docx';
import {
  blank,
  body,
  BODY,
  CHAR,
  documentTitle,
  FANGSONG,
  HEI,
  KAI,
  LINE,
  masthead,
  numberOverRedRule,
  officialSection,
  paragraphs,
  RED_RULE_BORDER,
  signature,
  TEXT_WIDTH,
} from '../../common/docx/official-document.js';

export { DOCX_CONTENT_TYPE } from '../../common/docx/official-document.js';

/** The day printed under the 落款: the day of issue; a draft is dated the day it is printed (it is dated for real when signed). */
function documentDate(notice: NoticeDto): string {
  return notice.issuedAt ?? shanghaiToday();
}

/**
 * A notice as an A4 Word document in the official layout (DOMAIN.md §9): the red 版头 (issuing office
 * and kind), 文号 (with 签发人 on its line for the kinds a leader signs), the red rule, 标题, 主送单位,
 * 正文 (facts, then the requirement), 办理时限, 落款 and the date. A draft prints "（草稿）" where the
 * number goes.
 */
export async function noticeDocx(notice: NoticeDto, issuer: string): Promise<Buffer> {
  const numberText = notice.number ?? '（草稿）';
  const signed = needsSignature(notice.kind);
  const numberLine = signed
    ? new Paragraph({
        // GB/T 9704 7.2.4: with a 签发人 the 文号 moves left and the 签发人 stands at the right, one character in
        indent: { left: CHAR, right: CHAR },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 2 * CHAR }],
        spacing: { line: LINE, lineRule: LineRuleType.EXACT },
        border: RED_RULE_BORDER,
        children: [body(numberText), body('\t签发人：'), body(notice.signerLeaderName ?? '', { font: KAI })],
      })
    : numberOverRedRule(numberText);

  const doc = new Document({
    creator: issuer,
    title: notice.title,
    description: `${NOTICE_KIND_LABELS[notice.kind]} ${numberText}`,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [
      officialSection([
        masthead(`${issuer}${NOTICE_KIND_LABELS[notice.kind]}`),
        numberLine,
        blank(),
        documentTitle(notice.title),
        blank(),
        new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [body(`${notice.recipientUnitName}：`)] }),
        ...paragraphs(notice.facts),
        ...paragraphs(notice.requirement),
        new Paragraph({
          indent: { firstLine: 2 * CHAR },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: [body('办理时限：', { font: HEI }), body(`${chineseDate(notice.deadline)}前`)],
        }),
        blank(),
        ...signature(issuer, chineseDate(documentDate(notice))),
      ]),
    ],
  });
  return Packer.toBuffer(doc);
}
