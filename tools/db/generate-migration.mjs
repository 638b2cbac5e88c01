// Writes a migration with the SQL that brings a fully migrated database up to the entities.
// Usage: npm run db:migration -- <Name>   (builds the API first; uses a scratch embedded PostgreSQL)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('用法：npm run db:migration -- <名称>，名称为大写字母开头的英文，例如 AddProjects');
  process.exit(2);
}

const { startEmbeddedPostgres } = await import(join(root, 'dist/apps/api/apps/api/src/database/embedded-postgres.js'));
const { dataSourceOptions } = await import(join(root, 'dist/apps/api/apps/api/src/database/data-source.js'));
const { DataSource } = await import('typeorm');

const scratch = mkdtempSync(join(tmpdir(), 'zs-migration-'));
const db = await startEmbeddedPostgres(scratch, console.log);
try {
  const dataSource = new DataSource(dataSourceOptions(db.url));
  await dataSource.initialize();
  await dataSource.runMigrations();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  if (sql.upQueries.length === 0) {
    console.log('实体与迁移一致，无需新迁移。');
  } else {
    const timestamp = Date.now();
    const quote = (q) => `    await queryRunner.query(\`${q.query.replaceAll('`', '\\`')}\`${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
    const file = join(root, 'apps/api/src/database/migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(quote).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(quote).join('\n')}
  }
}
`,
    );
    console.log(`已写入 ${file}；请把它加入 apps/api/src/database/migrations/index.ts`);
  }
} finally {
  await db.stop();
  rmSync(scratch, { recursive: true, force: true });
}
