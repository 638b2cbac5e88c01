import { AlignmentType, BorderStyle, Footer, type ISectionOptions, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';

/**
 * The layout of an official document (公文) shared by the notices (三单一函) and the quarterly bulletin
 * (季通报), so that both print alike and a change of the standard's figures is made once.
 *
 * GB/T 9704-2012 (党政机关公文格式): A4, margins top 37 mm, bottom 35, left 28, right 26; body in
 * 仿宋 三号 (16 pt), 22 lines a page (about 28.95 pt apart); the title in 小标宋 二号 (22 pt); the
 * issuing office's mark (版头) in red. The names are those every bureau PC has (宋体, 仿宋, 黑体, 楷体);
 * Latin text and digits in Times New Roman as the standard's samples do.
 */

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Millimetres to twentieths of a point, the unit of Word's page geometry. */
export const mm = (value: number) => Math.round((value / 25.4) * 1440);
/** Points to half-points, the unit of Word's font sizes. */
export const pt = (value: number) => value * 2;

export const PAGE = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const RED = 'FF0000';
export const BODY = pt(16);
export const LINE = 579; // 28.95 pt, exact
export const CHAR = 320; // one character of 16 pt, for indents
export const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' });
export type DocFont = ReturnType<typeof font>;
export const FANGSONG = font('仿宋');
export const SONG = font('宋体');
export const HEI = font('黑体');
export const KAI = font('楷体');

export const body = (text: string, options: { bold?: boolean; font?: DocFont } = {}) => new TextRun({ text, size: BODY, font: options.font ?? FANGSONG, bold: options.bold });
export const blank = () => new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [body('')] });

/** Body text: one paragraph per line of `text`, indented two characters, justified. */
export const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => new Paragraph({ indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [body(line)] }));

/** 版头: the issuing office's mark, red, centred, large. */
export const masthead = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 240, line: 800, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, size: pt(30), color: RED, bold: true, font: SONG, characterSpacing: 20 })],
  });

/** The 文号 line (or 期号) centred over the red rule that closes the 版头. */
export const numberOverRedRule = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } },
    children: [body(text)],
  });

export const RED_RULE_BORDER = { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } } as const;

/** 标题 in 小标宋 二号, centred. */
export const documentTitle = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 640, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text, size: pt(22), bold: true, font: SONG })] });

/** 落款 and date, right-aligned four characters in. */
export const signature = (issuer: string, date: string) => [
  new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [body(issuer)] }),
  new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [body(date)] }),
];

/** A4 with the standard's margins and 页码 as GB/T 9704 writes it: "— 1 —" in 宋体 四号. */
export const officialSection = (children: ISectionOptions['children']): ISectionOptions => ({
  properties: { page: { size: PAGE, margin: { ...MARGIN, header: mm(15), footer: mm(15) } } },
  footers: {
    default: new Footer({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: pt(14), font: SONG })] })],
    }),
  },
  children,
});
