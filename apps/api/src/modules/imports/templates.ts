import { COMMITMENT_STATUS_LABELS, COMMITMENT_TYPE_LABELS, GENERIC_PRODUCT_NAME, IMPORT_KIND_LABELS, type ImportKind, INVESTOR_ORIGIN_LABELS, siteOf, STAGE_LABELS } from '@zhaoshang/shared/domain';
import ExcelJS from 'exceljs';
import { type ChoiceList, COLUMNS, type ColumnSpec, VERIFICATION_LABELS } from './columns.js';
import type { Dictionaries } from './lookups.js';

/** Rows of the template that get the drop-down lists and formats. */
const TEMPLATE_ROWS = 2000;
const OPTIONS_SHEET = '选项';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

export function templateFileName(kind: ImportKind): string {
  return `${IMPORT_KIND_LABELS[kind]}导入模板.xlsx`;
}

function choiceValues(list: ChoiceList, dictionaries: Dictionaries): string[] {
  switch (list) {
    case 'regions':
      return dictionaries.regionList.map((r) => r.name);
    case 'districts':
      return dictionaries.regionList.filter((r) => r.parentCode !== null).map((r) => r.name);
    case 'industries':
      return dictionaries.industryList.filter((i) => i.active).map((i) => i.name);
    case 'origins':
      return Object.values(INVESTOR_ORIGIN_LABELS);
    case 'stages':
      return Object.values(STAGE_LABELS);
    case 'yesNo':
      return ['是', '否'];
    case 'verification':
      return Object.values(VERIFICATION_LABELS);
    case 'leaders':
      return dictionaries.leaderList.filter((l) => l.active).map((l) => l.name);
    case 'units':
      return dictionaries.unitList.filter((u) => u.active).map((u) => u.name);
    case 'commitmentTypes':
      return Object.values(COMMITMENT_TYPE_LABELS);
    case 'commitmentStatuses':
      return Object.values(COMMITMENT_STATUS_LABELS);
  }
}

const NUM_FMT: Record<NonNullable<ColumnSpec['format']>, string> = { date: '@', month: '@', money: '0.00', text: '@' };

/**
 * The import template of a kind (DOMAIN.md §8): the exact headers (required ones in red), two
 * example rows, drop-down lists for the enumerated columns (their values on a hidden sheet, so
 * long lists such as the industries fit), text format for numbers, dates and months so that
 * Excel keeps what is typed, and a sheet of notes.
 */
export async function buildTemplate(kind: ImportKind, dictionaries: Dictionaries): Promise<Buffer> {
  const columns = COLUMNS[kind];
  const workbook = new ExcelJS.Workbook();
  const city = dictionaries.regionList.find((r) => r.parentCode === null);
  const district = dictionaries.regionList.find((r) => r.parentCode !== null);
  workbook.creator = city ? siteOf(city).productName : GENERIC_PRODUCT_NAME;
  // the examples name this instance's own city and a district of it (the regions data), never another city's
  const places: Record<string, string> = { '{市}': city?.name ?? '', '{旗县}': district?.name ?? '', '{旗县代码}': district?.code ?? '' };
  const example = (value: string | number | null) => (typeof value === 'string' ? value.replace(/\{市\}|\{旗县\}|\{旗县代码\}/g, (token) => places[token]) : value);
  const sheet = workbook.addWorksheet(IMPORT_KIND_LABELS[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  const options = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
  const notes = workbook.addWorksheet('填写说明');

  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.format ? { numFmt: NUM_FMT[c.format] } : {} }));
  const header = sheet.getRow(1);
  header.height = 22;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = c.required ? REQUIRED_FONT : { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin' } };
    if (c.required) cell.note = '必填';
  });
  for (let row = 0; row < 2; row++) {
    sheet.addRow(columns.map((c) => example(c.example[row] ?? null)));
  }

  const lists = [...new Set(columns.flatMap((c) => (c.choices ? [c.choices] : [])))];
  lists.forEach((list, i) => {
    const values = choiceValues(list, dictionaries);
    // an empty list (no leaders kept yet) would refuse every value typed
    if (values.length === 0) return;
    const column = options.getColumn(i + 1);
    column.values = [list, ...values];
    const letter = column.letter;
    for (const [index, c] of columns.entries()) {
      if (c.choices !== list) continue;
      const target = sheet.getColumn(index + 1).letter;
      validations(sheet).add(`${target}2:${target}${TEMPLATE_ROWS}`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`,
      });
    }
  });

  notes.columns = [{ width: 28 }, { width: 90 }];
  notes.addRow(['列', '说明']).font = { bold: true };
  for (const c of columns) notes.addRow([c.header, `${c.required ? '必填' : '选填'}${noteOf(c)}`]);
  notes.addRow([]);
  notes.addRow(['', '第 1 行为表头，请勿修改；示例行请删除或改为真实数据。整个文件一次导入：有任何一行出错，都不会写入数据。']);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** ExcelJS keeps range validations on the worksheet; its typings only know cell.dataValidation. */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

function noteOf(c: ColumnSpec): string {
  if (c.format === 'money') return '；单位万元，最多 2 位小数，不能为负数';
  if (c.format === 'date') return '；日期，如 2025-03-01、2025/3/1 或 2025年3月1日';
  if (c.format === 'month') return '；月份，如 2025-06、2025/6 或 2025年6月';
  if (c.key === 'regionCode') return '；地区名称、简称或代码均可';
  if (c.key === 'industryCode') return '；产业类别名称（括号部分可省略）或代码';
  if (c.key === 'leadOfficial') return '；包联领导名单中的姓名（名单由管理员维护）';
  if (c.key === 'leadDepartment') return '；责任单位名单中的单位名称（名单由管理员维护）';
  if (c.key === 'districtContactId') return '；本旗县区招商人员的用户名或姓名';
  if (c.choices === 'commitmentStatuses') return '；留空为未兑现；部分兑现、已兑现须填已兑现金额（累计）和兑现日期，不再兑现须填原因';
  if (c.key === 'unit') return '；责任单位名单中的单位名称（名单由管理员维护）';
  if (c.key === 'content') return '；同一项目、同一政策类型、同一承诺内容视为同一条承诺，再次导入时更新其余各列';
  if (c.key === 'status') return '；留空为待核实，“已核实”仅市级核实人员可导入';
  if (c.key === 'correctionReason') return '；修改会改变已月结月份的数据（如签约日期、签约额、投资方来源），或退回阶段时必填，仅市级人员和管理员可更正';
  if (c.key === 'projectNo' && c.required === false) return '；留空时按（所属地区, 项目名称）匹配已有项目，找不到则新建并自动编号';
  return '';
}
