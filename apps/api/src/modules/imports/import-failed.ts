import type { ImportRowError } from '@zhaoshang/shared/domain';

/**
 * 422 IMPORT_FAILED (DOMAIN.md §8): the import wrote nothing. Its body carries `errors` (every bad
 * row and cell) rather than `details`, so the controller answers it itself instead of the global filter.
 */
export class ImportFailed extends Error {
  constructor(
    readonly errors: ImportRowError[],
    message?: string,
  ) {
    super(message ?? `导入文件有 ${errors.length} 处错误，未写入任何数据`);
  }

  /** A problem of the whole file (format, encoding, header) rather than of a row. */
  static file(sheet: string, message: string, row = 1, column = ''): ImportFailed {
    return new ImportFailed([{ sheet, row, column, message }], message);
  }

  body(): { statusCode: 422; error: 'IMPORT_FAILED'; message: string; errors: ImportRowError[] } {
    return { statusCode: 422, error: 'IMPORT_FAILED', message: this.message, errors: this.errors };
  }
}

/** Row errors as they are found, reported in the order of the sheet. */
export class RowErrors {
  private readonly list: ImportRowError[] = [];
  /** rows that have at least one error (a row with errors is not written) */
  private readonly rows = new Set<number>();

  /** `sheet` names the worksheet as soon as the reader knows it (an .xlsx names it when its rows begin) */
  constructor(private readonly sheet: () => string) {}

  add(row: number, column: string, message: string): void {
    this.list.push({ sheet: this.sheet(), row, column, message });
    this.rows.add(row);
  }

  hasColumn(row: number, column: string): boolean {
    return this.list.some((e) => e.row === row && e.column === column);
  }

  hasRow(row: number): boolean {
    return this.rows.has(row);
  }

  get count(): number {
    return this.list.length;
  }

  sorted(): ImportRowError[] {
    return [...this.list].sort((a, b) => a.row - b.row);
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new ImportFailed(this.sorted());
  }
}
