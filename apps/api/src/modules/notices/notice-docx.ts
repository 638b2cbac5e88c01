import { chineseDate, needsSignature, NOTICE_KIND_LABELS, type NoticeDto, shanghaiToday } from '@zhaoshang/shared/domain';
import { AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Millimetres to twentieths of a point, the unit of Word's page geometry. */
const mm = (value: number) => Math.round((value / 25.4) * 1440);
/** Points to half-points, the unit of Word's font sizes. */
const pt = (value: number) => value * 2;

/*
 * GB/T 9704-2012 (党政机关公文格式): A4, margins top 37 mm, bottom 35, left 28, right 26; body in
 * 仿宋 三号 (16 pt), 22 lines a page (about 28.95 pt apart); the title in 小标宋 二号 (22 pt); the
 * issuing office's mark (版头) in red. The names are those every bureau PC has (宋体, 仿宋, 黑体, 楷体);
 * Latin text and digits in Times New Roman as the standard's samples do.
 */
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const RED = 'FF0000';
const BODY = pt(16);
const LINE = 579; // 28.95 pt, exact
const CHAR = 320; // one character of 16 pt, for indents
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' });
const FANGSONG = font('仿宋');
const SONG = font('宋体');
const HEI = font('黑体');
const KAI = font('楷体');

const body = (text: string, options: { bold?: boolean; font?: ReturnType<typeof font> } = {}) => new TextRun({ text, size: BODY, font: options.font ?? FANGSONG, bold: options.bold });
const blank = () => new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [body('')] });

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
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } },
        children: [body(numberText), body('\t签发人：'), body(notice.signerLeaderName ?? '', { font: KAI })],
      })
    : new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: LINE, lineRule: LineRuleType.EXACT },
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } },
        children: [body(numberText)],
      });
  const paragraphs = (text: string) =>
    text
      .split(/\n+/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => new Paragraph({ indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [body(line)] }));

  const doc = new Document({
    creator: issuer,
    title: notice.title,
    description: `${NOTICE_KIND_LABELS[notice.kind]} ${numberText}`,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, header: mm(15), footer: mm(15) } } },
        // 页码 as GB/T 9704 writes it: "— 1 —" in 宋体 四号, for a notice whose facts run past one page
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: pt(14), font: SONG })] })],
          }),
        },
        children: [
          // 版头: the issuing office and the kind, red, centred, large
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 240, line: 800, lineRule: LineRuleType.EXACT },
            children: [new TextRun({ text: `${issuer}${NOTICE_KIND_LABELS[notice.kind]}`, size: pt(30), color: RED, bold: true, font: SONG, characterSpacing: 20 })],
          }),
          numberLine,
          blank(),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 640, lineRule: LineRuleType.EXACT },
            children: [new TextRun({ text: notice.title, size: pt(22), bold: true, font: SONG })],
          }),
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
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [body(issuer)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [body(chineseDate(documentDate(notice)))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
