import { BULLETIN_MASTHEAD, type BulletinContent, type BulletinDistrictRow, bulletinRate, chineseDate, monthLabel, quarterLabel, roundDecimal, wanToYi, yoyText } from '@zhaoshang/shared/domain';
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TabStopType, TextRun, VerticalAlign, WidthType } from 'docx';
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
  officialSection,
  paragraphs,
  pt,
  RED_RULE_BORDER,
  signature,
  SONG,
  TEXT_WIDTH,
} from '../../common/docx/official-document.js';

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

const line = { line: LINE, lineRule: LineRuleType.EXACT } as const;
const para = (children: TextRun[]) => new Paragraph({ indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED, spacing: line, children });
const text = (value: string) => para([body(value)]);
/** 一级标题 in 黑体, 二级 in 楷体, as GB/T 9704 7.3.3 orders them. */
// kept with the next paragraph: a heading never stands alone at the foot of a page
const heading = (value: string) =>
  new Paragraph({ indent: { firstLine: 2 * CHAR }, keepNext: true, keepLines: true, spacing: line, children: [body(value, { font: HEI })] });
const lead = (label: string, rest: string) => para([body(label, { font: KAI }), body(rest)]);

/** An amount in 万元 as the bulletin prints it: rounded to 2 decimals, thousands grouped. */
function wan(value: string | null): string {
  if (value === null) return '—';
  const rounded = roundDecimal(value, 2) ?? value;
  const [int, frac] = rounded.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined || /^0*$/.test(frac) ? grouped : `${grouped}.${frac}`;
}

/** "，同比增长12.3%" or nothing when last year had none. */
const withYoy = (yoy: number | null) => (yoyText(yoy) === '' ? '' : `，${yoyText(yoy)}`);

function figure(content: BulletinContent, key: string): { value: string | null; yoy: number | null } {
  const found = content.city.find((f) => f.key === key);
  return { value: found?.value ?? null, yoy: found?.yoy ?? null };
}

/** The months the figures cover, "1—9月". */
function periodLabel(content: BulletinContent): string {
  return content.figuresTo ? `1—${Number(content.figuresTo.slice(5, 7))}月` : '';
}

function overall(content: BulletinContent): Paragraph[] {
  const f = (key: string) => figure(content, key);
  const signed = f('signedCount');
  const amount = f('signedAmountWan');
  const big = f('signedCount10m');
  const started = f('startedCount');
  const arrived = f('arrivedFundsWan');
  const foreign = f('foreignCapitalWan');
  const share = f('fundsToFaiRatio');
  const registered = f('registeredFaiShare');
  return [
    text(
      `${periodLabel(content)}，全市新签约项目${signed.value ?? 0}个${withYoy(signed.yoy)}；签约额${wan(amount.value)}万元${withYoy(amount.yoy)}，其中千万元以上项目${big.value ?? 0}个${withYoy(big.yoy)}。` +
        `新开工项目${started.value ?? 0}个${withYoy(started.yoy)}。`,
    ),
    text(
      `到位资金${wan(arrived.value)}万元（${arrived.value === null ? '—' : wanToYi(arrived.value, 2)}亿元）${withYoy(arrived.yoy)}，其中实际利用外资${wan(foreign.value)}万元${withYoy(foreign.yoy)}` +
        // the shares need the statistics bureau's FAI: a share without it is left out rather than printed as "—"
        [
          share.value === null ? '' : `；到位资金占全社会固定资产投资比重${bulletinRate(Number(share.value))}`,
          registered.value === null ? '' : `；入统项目完成投资占比${bulletinRate(Number(registered.value))}`,
        ].join('') +
        '。',
    ),
  ];
}

const TABLE_SIZE = pt(10.5); // 五号, so that the longest district name (通辽经济技术开发区) stays on one line
const cell = (value: string, width: number, options: { header?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 30, right: 30 },
    children: [
      new Paragraph({
        alignment: options.align ?? AlignmentType.CENTER,
        children: [new TextRun({ text: value, size: TABLE_SIZE, font: options.header ? HEI : SONG })],
      }),
    ],
  });

/** 各旗县市区完成情况: ranked by the completion of the arrived-funds target, unranked ones last. */
function districtTable(rows: BulletinDistrictRow[]): Table {
  // widths in twips: 排名, 地区, 签约额, 到位资金, 目标, 完成率, 开工
  const ratios = [0.07, 0.23, 0.14, 0.14, 0.14, 0.14, 0.14];
  const widths = ratios.map((r) => Math.floor(r * TEXT_WIDTH));
  const header = ['排名', '地区', '签约额(万元)', '到位资金(万元)', '到位资金目标(万元)', '目标完成率', '开工项目(个)'];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i], { header: true })) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(r.rank === null ? '—' : String(r.rank), widths[0]),
              cell(r.regionName, widths[1]),
              cell(wan(r.signedAmountWan), widths[2], { align: AlignmentType.RIGHT }),
              cell(wan(r.arrivedFundsWan), widths[3], { align: AlignmentType.RIGHT }),
              cell(wan(r.arrivedTargetWan), widths[4], { align: AlignmentType.RIGHT }),
              cell(bulletinRate(r.completion), widths[5], { align: AlignmentType.RIGHT }),
              cell(String(r.startedCount), widths[6], { align: AlignmentType.RIGHT }),
            ],
          }),
      ),
    ],
  });
}

const names = (rows: BulletinDistrictRow[]) => rows.map((r) => `${r.regionName}（${bulletinRate(r.completion)}）`).join('、');

/**
 * The 季通报 as an A4 Word document (DOMAIN.md §9): red 版头, 期号 with the issuing office and the
 * date over the red rule, title, then 总体情况 with 同比, the districts' table with rank, 亮晒比评,
 * 预警与督办, 优惠政策兑现 (when the ledger exists), 下步要求 (the staff's paragraph), 落款 and date.
 */
export async function bulletinDocx(content: BulletinContent, closingParagraph: string, issuer: string, date: string): Promise<Buffer> {
  const sections: { title: string; children: (Paragraph | Table)[] }[] = [];
  sections.push({ title: '总体情况', children: overall(content) });
  sections.push({
    title: '各旗县市区完成情况',
    children: [
      text(`${periodLabel(content)}各旗县市区招商引资主要指标及到位资金年度目标完成情况如下（按目标完成率排名）：`),
      districtTable(content.districts),
      new Paragraph({ spacing: { before: 80 }, children: [new TextRun({ text: '注：市内县际资金计入旗县市区到位资金，不计入全市合计，全市合计不等于各地之和。', size: TABLE_SIZE, font: FANGSONG })] }),
    ],
  });
  const { best, worst } = content.shine;
  sections.push({
    title: '亮晒比评',
    children: [
      text(`${content.shine.rule}。`),
      lead('排名前三位：', best.length > 0 ? `${names(best)}，予以通报表扬。` : '暂无（未下达到位资金目标）。'),
      lead('排名后三位：', worst.length > 0 ? `${names(worst)}，请相关旗县市区认真分析原因，制定整改措施，加快追赶进度。` : '暂无。'),
    ],
  });
  const w = content.warnings;
  const warned = w.rows.filter((r) => r.red + r.yellow > 0);
  const n = content.notices;
  const noticed = n.rows.filter((r) => r.issued + r.overdue > 0);
  sections.push({
    title: '预警与督办',
    children: [
      text(
        `截至${chineseDate(w.asOf)}，全市在库项目共有红色预警${w.red}个、黄色预警${w.yellow}个` +
          (warned.length > 0 ? `。其中：${warned.map((r) => `${r.regionName}红色${r.red}个、黄色${r.yellow}个`).join('；')}。` : '。'),
      ),
      text(
        `本季度共下发提醒单、催办单、督办单、移交函${n.issued}件，截至${chineseDate(n.asOf)}超期未办结${n.overdue}件` +
          (noticed.length > 0 ? `。其中：${noticed.map((r) => `${r.regionName}下发${r.issued}件、超期${r.overdue}件`).join('；')}。` : '。'),
      ),
    ],
  });
  if (content.commitments !== null) sections.push({ title: '优惠政策兑现', children: [text(content.commitments)] });
  sections.push({ title: '下步要求', children: paragraphs(closingParagraph) });

  const open = content.openMonths.length > 0 ? `（${content.openMonths.map(monthLabel).join('、')}尚未月结，未计入本期数据。）` : '';
  const doc = new Document({
    creator: issuer,
    title: content.title,
    description: `${content.issueLabel} ${content.title}`,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [
      officialSection([
        masthead(BULLETIN_MASTHEAD),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: line, children: [body(content.issueLabel)] }),
        new Paragraph({
          // 编发单位 at the left, the date at the right, over the red rule (as 简报 and 通报 print them)
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
          spacing: line,
          border: RED_RULE_BORDER,
          children: [body(issuer), body(`\t${chineseDate(date)}`)],
        }),
        blank(),
        documentTitle(content.title),
        blank(),
        text(`现将${quarterLabel(content.quarter)}全市招商引资工作情况通报如下：${open}`),
        ...sections.flatMap((s, i) => [heading(`${CHINESE_NUMBERS[i]}、${s.title}`), ...s.children]),
        blank(),
        ...signature(issuer, chineseDate(date)),
      ]),
    ],
  });
  return Packer.toBuffer(doc);
}
