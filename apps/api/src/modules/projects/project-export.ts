import { INVESTOR_ORIGIN_LABELS, STAGE_LABELS } from '@zhaoshang/shared/domain';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { neutraliseCell } from '../../common/http/xlsx-reply.js';
import type { ProjectRow } from './project-sql.js';

/** 项目清单-20250618.xlsx */
export function exportFileName(today: string): string {
  return `项目清单-${today.replaceAll('-', '')}.xlsx`;
}

type Cell = string | number | null;
const yesNo = (value: boolean) => (value ? '是' : '否');
const money = (value: string | null) => (value === null ? null : Number(value));

/** The columns of the `projects` import (DOMAIN.md §8), in its order, so an export can be imported back. */
export const EXPORT_COLUMNS: { header: string; width: number; money?: boolean; value: (p: ProjectRow) => Cell }[] = [
  { header: '项目编号', width: 18, value: (p) => p.projectNo },
  { header: '项目名称', width: 36, value: (p) => p.name },
  { header: '所属地区', width: 16, value: (p) => p.regionName },
  { header: '产业类别', width: 24, value: (p) => p.industryName },
  { header: '投资方名称', width: 30, value: (p) => p.investorName },
  { header: '投资方统一社会信用代码', width: 22, value: (p) => p.investorUscc },
  { header: '投资方来源', width: 12, value: (p) => INVESTOR_ORIGIN_LABELS[p.investorOrigin] },
  { header: '签约额(万元)', width: 14, money: true, value: (p) => money(p.contractAmountWan) },
  { header: '计划总投资(万元)', width: 16, money: true, value: (p) => money(p.plannedInvestmentWan) },
  { header: '签约日期', width: 12, value: (p) => p.signedAt },
  { header: '计划开工月份', width: 12, value: (p) => p.plannedStartMonth },
  { header: '项目阶段', width: 12, value: (p) => STAGE_LABELS[p.stage] },
  { header: '注册日期', width: 12, value: (p) => p.registeredAt },
  { header: '开工日期', width: 12, value: (p) => p.constructionStartedAt },
  { header: '投产日期', width: 12, value: (p) => p.productionStartedAt },
  { header: '终止日期', width: 12, value: (p) => p.terminatedAt },
  { header: '终止原因', width: 24, value: (p) => p.terminationReason },
  { header: '重点项目', width: 10, value: (p) => yesNo(p.isKeyProject) },
  { header: '包联领导', width: 12, value: (p) => p.leadOfficial },
  { header: '责任单位', width: 20, value: (p) => p.leadDepartment },
  { header: '旗县联系人', width: 12, value: (p) => p.districtContactName },
  { header: '投资项目代码', width: 26, value: (p) => p.nationalCode },
  { header: '统计入库', width: 10, value: (p) => yesNo(p.statsRegistered) },
  { header: '入库月份', width: 10, value: (p) => p.statsRegisteredMonth },
  { header: '备注', width: 30, value: (p) => p.notes },
];

export function exportRow(project: ProjectRow): Cell[] {
  return EXPORT_COLUMNS.map((column) => {
    const value = column.value(project);
    return typeof value === 'string' ? neutraliseCell(value) : value;
  });
}

/**
 * Writes the workbook to `out` row by row as `batches` yields them (the streaming writer keeps
 * only the current rows in memory). Amounts are numbers with two decimals shown; dates stay text.
 */
export async function writeProjectsXlsx(out: Writable, batches: AsyncIterable<ProjectRow[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('项目清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width, ...(c.money ? { style: { numFmt: '0.00' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of batches) {
    for (const project of batch) sheet.addRow(exportRow(project)).commit();
  }
  sheet.commit();
  await workbook.commit();
}
