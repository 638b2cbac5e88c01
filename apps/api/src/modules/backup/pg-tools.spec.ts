import { BACKUP_APPLICATION_NAME, findPgTool, libpqConnection, toolMajor } from './pg-tools.js';

describe('the PostgreSQL client tools', () => {
  it('get the password in PGPASSWORD, never on the command line a process list shows', () => {
    const { dbname, env } = libpqConnection('postgres://zhaoshang:p%40ss%3Aw%2Frd@db.example:5433/zhaoshang?sslmode=require');
    expect(dbname).toBe('postgres://zhaoshang@db.example:5433/zhaoshang?sslmode=require');
    expect(env).toEqual({ PGAPPNAME: BACKUP_APPLICATION_NAME, PGPASSWORD: 'p@ss:w/rd' });
    expect(libpqConnection('postgres://localhost/zs').env).toEqual({ PGAPPNAME: BACKUP_APPLICATION_NAME });
  });

  it('are found with their major version (Debian: /usr/lib/postgresql/<major>/bin)', async () => {
    const tool = findPgTool('pg_dump');
    expect(tool.major ?? (await toolMajor(tool.path))).toBeGreaterThanOrEqual(15);
  });

  it('missing, are named with the package that brings them', () => {
    expect(() => findPgTool('pg_restore', '/nonexistent', '/nonexistent/bin')).toThrow('未找到 pg_restore：请安装 PostgreSQL 客户端（Debian/Ubuntu：apt install postgresql-client）');
  });
});
