import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runSql, sql, type SqlRunner } from '../../common/sql/sql.js';

/** The projects' text search index (GIN over every one- and two-character piece, migration AddProjectTextSearch). */
export const PROJECT_SEARCH_INDEX = 'idx_projects_search';

/**
 * A GIN index takes new entries into its pending list (`fastupdate`, PostgreSQL's default) and merges
 * the list into its tree once it outgrows `gin_pending_list_limit` (4 MB): during a 10,000-row projects
 * import that happened about four times, each merge inside the INSERT (~95 pieces of text a project).
 * On a copy of the 116,000-project world (triggers off) that INSERT took 2.1–2.4 s, 0.66 s without the
 * index, 1.14 s with a list large enough not to be merged during it (issue 17). The projects import
 * therefore raises the limit for its own transaction (`PENDING_LIST_LIMIT`: 10,000 projects fill ~16 MB)
 * and this merges the list right after the commit (0.4–0.6 s), on its own connection, while the importer
 * already has the answer. Searches are right throughout: PostgreSQL reads the pending list with the tree
 * (on that world a search for 风电 took 21 ms with 10,000 projects pending, 22 ms with none). Left unmerged
 * (the process stopped), the next insert over the default limit, or autovacuum, merges it.
 */
const PENDING_LIST_LIMIT = '64MB';

/** Lets the transaction's new entries of the search index wait in its pending list, for SearchIndexMerge after the commit. */
export async function deferSearchIndexMerge(db: SqlRunner): Promise<void> {
  await runSql(db, sql`SELECT set_config('gin_pending_list_limit', ${PENDING_LIST_LIMIT}, true)`);
}

@Injectable()
export class SearchIndexMerge implements OnApplicationShutdown {
  private readonly logger = new Logger('SearchIndex');
  private running: Promise<void> | null = null;
  private again = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Merges the pending list in the background; a request while one runs makes one more run after it. */
  merge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.merge();
      }
    });
  }

  /** Resolves when no merge is running or asked for (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    this.again = false;
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      const started = performance.now();
      const [{ merged }] = await runSql<{ merged: string }>(this.dataSource, sql`SELECT gin_clean_pending_list(${PROJECT_SEARCH_INDEX}::regclass)::text AS merged`);
      this.logger.debug(`项目搜索索引：合并待处理页 ${merged} 个，${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      // not the owner of the index, a read-only server: the next insert over the limit or autovacuum merges it
      this.logger.warn(`项目搜索索引的待处理列表未能合并：${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
