// Monthly-report import files for the import benchmark: valid rows (a project and a month it may
// report for) written as .xlsx with ExcelJS' streaming writer, and as CSV for the COPY baseline.
import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const MONTHLY_HEADER = ['项目编号', '月份', '自有资金到位(万元)', '银行贷款到位(万元)', '其他资金到位(万元)', '完成投资(万元)', '形象进度', '核实状态'];

const addMonths = (month, n) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * `count` distinct (project, month) pairs each project may report for (signed by then, not
 * terminated before, not in the future), up to `perProject` months per project, skipping the first
 * `skip` pairs (so that two files do not overlap), with figures in cents.
 */
export function monthlyRows(projects, today, count, skip = 0, perProject = 6) {
  const rows = [];
  const thisMonth = today.slice(0, 7);
  let seen = 0;
  for (const p of projects) {
    if (!p.signedAt) continue;
    const last = p.terminatedAt && p.terminatedAt.slice(0, 7) < thisMonth ? p.terminatedAt.slice(0, 7) : thisMonth;
    for (let i = 0, m = p.signedAt.slice(0, 7); i < perProject && m <= last; i++, m = addMonths(m, 1)) {
      if (seen++ < skip) continue;
      const n = rows.length;
      rows.push([p.projectNo, m, (n % 5000) + (n % 100) / 100, (n % 700) * 2, n % 3 === 0 ? 15.5 : 0, (n % 9000) + 0.25, n % 4 === 0 ? '主体施工，设备进场' : '', '待核实']);
      if (rows.length === count) return rows;
    }
  }
  throw new Error(`只有 ${rows.length} 个可填报的（项目, 月份），需要 ${count}：请增加项目数`);
}

export async function writeXlsx(path, rows) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('月报');
  sheet.addRow(MONTHLY_HEADER).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

/** The same rows as CSV in the staging table's column order, for a server-side COPY. */
export async function writeCsv(path, rows) {
  const out = createWriteStream(path, { mode: 0o644 });
  for (const [projectNo, month, eq, loan, other, completed, progress] of rows) {
    const line = `${projectNo},${month},${eq},${loan},${other},${completed},"${progress}"\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The projects import's columns the benchmark fills (旗县联系人 and 更正原因 stay out: no accounts, no closed months). */
export const PROJECT_HEADER = [
  '项目编号', '项目名称', '所属地区', '产业类别', '投资方名称', '投资方统一社会信用代码', '投资方来源', '签约额(万元)', '计划总投资(万元)', '签约日期',
  '计划开工月份', '项目阶段', '注册日期', '开工日期', '投产日期', '终止日期', '终止原因', '重点项目', '包联领导', '责任单位', '投资项目代码', '统计入库',
  '入库月份', '备注',
];

/**
 * Rows of a projects import: the demo generator's projects (consistent stages, dates, lists) that are
 * not in the database, every other row with its number (a legacy number kept as imported) and the
 * rest without (a number is generated). An investor's code that another project already has (stored
 * or earlier in a file) is left blank, so that every row is valid and no row is a look-alike.
 */
export function projectRows(projects, labels, takenUsccs) {
  const yesNo = (v) => (v ? '是' : '否');
  const wan = (v) => (v === null || v === undefined ? null : Number(v));
  return projects.map((p, i) => {
    const uscc = p.investorUscc && !takenUsccs.has(p.investorUscc) ? p.investorUscc : null;
    if (uscc) takenUsccs.add(uscc);
    return [
      i % 2 === 0 ? p.projectNo : null, p.name, p.regionCode, p.industryCode, p.investorName, uscc, labels.origins[p.investorOrigin],
      wan(p.contractAmountWan), wan(p.plannedInvestmentWan), p.signedAt, p.plannedStartMonth, labels.stages[p.stage], p.registeredAt,
      p.constructionStartedAt, p.productionStartedAt, p.terminatedAt, p.terminationReason, yesNo(p.isKeyProject), p.leadOfficial, p.leadDepartment,
      p.nationalCode, yesNo(p.statsRegistered), p.statsRegisteredMonth, p.notes,
    ];
  });
}

/** A sheet with its header row, as .xlsx (`header` first). */
export async function writeSheetXlsx(path, header, rows) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow(header).commit();
  for (const row of rows) sheet.addRow(row.map((v) => v ?? null)).commit();
  sheet.commit();
  await workbook.commit();
}

/** The same as RFC 4180 CSV in UTF-8 with BOM, as Excel writes it. */
export async function writeSheetCsv(path, header, rows) {
  const out = createWriteStream(path, { mode: 0o644 });
  const field = (v) => (v === null || v === undefined ? '' : /[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  out.write('\ufeff');
  for (const row of [header, ...rows]) {
    if (!out.write(`${row.map(field).join(',')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
