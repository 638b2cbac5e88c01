import type { ImportRowError } from '@zhaoshang/shared/domain';
import type { EntityManager } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import type { ColumnSpec, RowCells } from './columns.js';
import type { RowErrors } from './import-failed.js';
import type { Dictionaries } from './lookups.js';

/** What every kind's importer works with: the import's transaction, who imports, where errors go. */
export interface ImportContext {
  em: EntityManager;
  actor: UserActor;
  today: string;
  sheet: () => string;
  errors: RowErrors;
  warnings: ImportRowError[];
  dictionaries: Dictionaries;
  confirmLookAlikes: boolean;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * One kind of import. Rows come in sheet order through `add` (each checked on its own, valid ones
 * staged); `check` then runs the checks that need every row or the database, and `write` applies
 * the staged rows. All three run inside the import's one transaction.
 */
export interface Importer<K extends string = string> {
  readonly columns: readonly ColumnSpec<K>[];
  prepare(): Promise<void>;
  add(row: RowCells<K>): Promise<void>;
  check(): Promise<void>;
  write(): Promise<ImportCounts>;
  /** Waits for work `add` left running (a batch being staged), before a failed import is rolled back. */
  settle?(): Promise<void>;
  /** Whether the write left entries in the projects' search index's pending list, to merge after the commit (SearchIndexMerge). */
  readonly fillsSearchIndex?: boolean;
}
