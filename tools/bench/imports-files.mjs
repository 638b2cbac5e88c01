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
