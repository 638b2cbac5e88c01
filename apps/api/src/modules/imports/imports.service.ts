import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { can, type ImportKind, type ImportProgress, type ImportResult, type ImportRowError, shanghaiToday } from '@zhaoshang/shared/domain';
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { Forbidden } from '../../common/errors/app.exception.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { lockImportKind } from '../../common/sql/write-locks.js';
import { HeaderMap, isBlankRow } from './columns.js';
import { CommitmentsImporter } from './commitments-importer.js';
import { FaiImporter } from './fai-importer.js';
import { ImportFailed, RowErrors } from './import-failed.js';
import { ImportProgressRegistry } from './import-progress.js';
import type { ImportContext, ImportCounts, Importer } from './importer.js';
import { Dictionaries } from './lookups.js';
import { MonthlyImporter } from './monthly-importer.js';
import { ProjectsImporter } from './projects-importer.js';
import { SearchIndexMerge } from './search-index-merge.js';
import { StatsImporter } from './stats-importer.js';
import { MAX_DATA_ROWS, type OpenedSheet, openSheet } from './sheet-reader.js';

// the monthly export writes the import's own columns, so that an export imports back
export { type ColumnSpec, MONTHLY_COLUMNS, VERIFICATION_LABELS } from './columns.js';

export interface UploadedSheet {
  /** the upload, streamed to a temporary file */
  path: string;
  originalName: string;
}

export interface ImportOptions {
  kind: ImportKind;
  dryRun: boolean;
  confirmLookAlikes: boolean;
  importId?: string;
}

/**
 * Spreadsheet imports (DOMAIN.md §8): the whole file is one transaction, so one bad row, a dry run
 * or a process killed half-way leaves the database as it was.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger('Imports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progressRegistry: ImportProgressRegistry,
    private readonly searchIndex: SearchIndexMerge,
  ) {}

  async run(actor: UserActor, upload: UploadedSheet, options: ImportOptions): Promise<ImportResult> {
    if (options.kind === 'fai' && !can(actor.role, 'fai:edit')) throw new Forbidden('只有市级招商人员和管理员可以导入全社会固定资产投资');
    if (options.kind === 'stats' && !can(actor.role, 'fai:edit')) throw new Forbidden('只有市级招商人员和管理员可以导入统计局入库项目清单');
    const progress = await this.progressRegistry.start(options.importId ?? randomUUID(), actor.id);
    try {
      const result = await this.process(actor, upload, options, progress);
      await this.progressRegistry.finish(progress, 'DONE');
      return result;
    } catch (error) {
      await this.progressRegistry.finish(progress, 'FAILED');
      throw error;
    }
  }

  progress(importId: string, actor: UserActor): Promise<ImportProgress | null> {
    return this.progressRegistry.get(importId, actor.id);
  }

  /** Every error the import of this file would report, without writing anything (for the error report). */
  async problems(actor: UserActor, upload: UploadedSheet, kind: ImportKind): Promise<{ sheet: OpenedSheet; errors: ImportRowError[] }> {
    if (kind === 'fai' && !can(actor.role, 'fai:edit')) throw new Forbidden('只有市级招商人员和管理员可以导入全社会固定资产投资');
    if (kind === 'stats' && !can(actor.role, 'fai:edit')) throw new Forbidden('只有市级招商人员和管理员可以导入统计局入库项目清单');
    const sheet = await openSheet(upload.path, upload.originalName);
    try {
      await this.process(actor, upload, { kind, dryRun: true, confirmLookAlikes: false }, { importId: '', phase: 'READING', rowsRead: 0 }, sheet);
      return { sheet, errors: [] };
    } catch (error) {
      if (error instanceof ImportFailed) return { sheet, errors: error.errors };
      throw error;
    }
  }

  private async process(actor: UserActor, upload: UploadedSheet, options: ImportOptions, progress: ImportProgress, opened?: OpenedSheet): Promise<ImportResult> {
    const sheet = opened ?? (await openSheet(upload.path, upload.originalName));
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // a large file's checks and writes sort and join tens of thousands of rows (100,000 monthly rows,
      // 10,000 projects with their look-alikes and audit): in memory rather than in temporary files, for
      // this transaction only (issue 17)
      await runSql(runner.manager, sql`SET LOCAL work_mem = '64MB'`);
      // imports of one kind run one after the other (the same file twice at once: the second changes nothing)
      await lockImportKind(runner.manager, options.kind);
      const ctx: ImportContext = {
        em: runner.manager,
        actor,
        today: shanghaiToday(),
        sheet: () => sheet.sheet,
        errors: new RowErrors(() => sheet.sheet),
        warnings: [],
        dictionaries: await Dictionaries.load(runner.manager),
        confirmLookAlikes: options.confirmLookAlikes,
      };
      const importer = createImporter(options.kind, ctx);
      await importer.prepare();
      const started = performance.now();
      try {
        await readRows(sheet, importer, progress);
      } catch (error) {
        // nothing of the import may still be running on the connection when it is rolled back and released
        await importer.settle?.();
        throw error;
      }
      const read = performance.now();
      progress.phase = 'CHECKING';
      await importer.check();
      const checked = performance.now();
      ctx.errors.throwIfAny();
      progress.phase = 'WRITING';
      const counts: ImportCounts = await importer.write();
      // where an import's time goes (LOG_LEVEL=debug; tools/bench/imports.mjs, issue 17)
      this.logger.debug(
        `导入 ${options.kind}：读取 ${Math.round(read - started)} ms，检查 ${Math.round(checked - read)} ms，写入 ${Math.round(performance.now() - checked)} ms（${counts.created}/${counts.updated}/${counts.unchanged}）`,
      );
      // a dry run goes through every statement and takes it all back
      if (options.dryRun) await runner.rollbackTransaction();
      else {
        await runner.commitTransaction();
        if (importer.fillsSearchIndex) this.searchIndex.merge();
      }
      return { ...counts, dryRun: options.dryRun, warnings: ctx.warnings };
    } finally {
      await rollbackIfOpen(runner);
      await runner.release();
    }
  }
}

function createImporter(kind: ImportKind, ctx: ImportContext): Importer {
  switch (kind) {
    case 'monthly':
      return new MonthlyImporter(ctx) as Importer;
    case 'fai':
      return new FaiImporter(ctx) as Importer;
    case 'projects':
      return new ProjectsImporter(ctx) as Importer;
    case 'commitments':
      return new CommitmentsImporter(ctx) as Importer;
    case 'stats':
      return new StatsImporter(ctx) as Importer;
  }
}

/** The header (the first row with content), then every data row through the importer; blank rows are skipped. */
async function readRows(sheet: OpenedSheet, importer: Importer, progress: ImportProgress): Promise<void> {
  let header: HeaderMap<string> | null = null;
  let dataRows = 0;
  for await (const row of sheet.rows()) {
    progress.rowsRead = row.row;
    if (isBlankRow(row)) continue;
    if (header === null) {
      header = HeaderMap.read(sheet.sheet, row, importer.columns);
      continue;
    }
    if (++dataRows > MAX_DATA_ROWS) throw ImportFailed.file(sheet.sheet, `文件超过 ${MAX_DATA_ROWS.toLocaleString('en')} 行，请分成几个文件导入`, row.row);
    await importer.add(header.cells(row));
  }
  if (header === null) throw ImportFailed.file(sheet.sheet, '文件中没有内容：第 1 行应为表头，之后每行一条数据');
  if (dataRows === 0) throw ImportFailed.file(sheet.sheet, '文件只有表头，没有数据行', header.headerRow + 1);
}

async function rollbackIfOpen(runner: QueryRunner): Promise<void> {
  if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
}
