import { IMPORT_KIND_LABELS, type ImportKind, type ImportResult } from '@zhaoshang/shared/domain';
import type { TransferProgress } from '@zhaoshang/web/imports/data-access';
import { formatCount } from '@zhaoshang/web/shared/util';

/** What the columns of each kind are (DOMAIN.md §8): a line under the kind picker. */
export const KIND_HINTS: Record<ImportKind, string> = {
  projects: '必填列：项目名称、所属地区、产业类别、投资方名称、投资方来源、签约额(万元)、签约日期、项目阶段。有项目编号的行更新该项目，没有的按「所属地区 + 项目名称」匹配，匹配不到则新增。',
  monthly: '必填列：项目编号、月份（YYYY-MM）；金额单位万元，最多 2 位小数。「核实状态」填「已核实」的行需要核实权限。',
  fai: '必填列：地区、月份（YYYY-MM）、全社会固定资产投资(万元)。地区可填代码、全称或简称。',
  commitments:
    '必填列：项目编号、政策类型、承诺内容、兑现期限、责任单位。按「项目编号 + 政策类型 + 承诺内容」匹配已有承诺，匹配到则更新，否则新增；部分兑现、已兑现须填已兑现金额（累计）和兑现日期。',
  stats: '统计局固定资产投资项目库清单。必填列：投资项目代码、项目名称、所属地区、入库月份、本年完成投资(万元)、月份。文件中每个月份、每个地区的清单整体替换原有清单（文件中未出现的地区不变）。',
};

/** 1234567 bytes → 1.2 MB */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The line under the progress bar: the upload first, then what the server says it is doing. */
export function transferText(transfer: TransferProgress, dryRun: boolean): string {
  const rows = formatCount(transfer.rowsRead);
  switch (transfer.phase) {
    case null:
      return transfer.uploadPercent < 100 ? `正在上传文件… ${transfer.uploadPercent}%` : '文件已上传，等待服务器处理…';
    case 'READING':
      return `正在读取文件：已读取 ${rows} 行`;
    case 'CHECKING':
      return `正在检查数据：共 ${rows} 行`;
    case 'WRITING':
      return `正在写入数据：共 ${rows} 行`;
    case 'DONE':
    case 'FAILED':
      return dryRun ? `检查完毕：共 ${rows} 行，正在汇总结果…` : `写入完毕：共 ${rows} 行，正在汇总结果…`;
  }
}

/** 「将新增 N · 更新 N · 不变 N」 */
export function checkSummary(result: ImportResult): string {
  return `将新增 ${formatCount(result.created)} · 更新 ${formatCount(result.updated)} · 不变 ${formatCount(result.unchanged)}`;
}

/** 「导入完成：新增 N，更新 N，不变 N」 */
export function doneSummary(result: ImportResult): string {
  return `导入完成：新增 ${formatCount(result.created)}，更新 ${formatCount(result.updated)}，不变 ${formatCount(result.unchanged)}`;
}

export function templateButtonText(kind: ImportKind): string {
  return `下载「${IMPORT_KIND_LABELS[kind]}」模板`;
}
