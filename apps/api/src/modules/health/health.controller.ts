import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../../common/access/access.decorator.js';
import { ReadPool, type ReplicaHealth } from '../../common/sql/read-pool.js';
import { runSql, sql } from '../../common/sql/sql.js';

export interface Health {
  status: 'ok' | 'error';
  database: 'up' | 'down';
}

export class ReadReplicaHealth implements ReplicaHealth {
  @ApiProperty({ enum: ['up', 'down'], description: 'down：副本不可用，可延迟的读取暂由主库执行（服务不中断）' }) status: 'up' | 'down';
  @ApiProperty({ type: Number, nullable: true, description: '副本落后主库的秒数（副本为热备库时；已回放完收到的全部日志为 0；不是热备库为 null）' }) lagSeconds: number | null;
  @ApiProperty({ description: '自启动以来因副本故障改由主库执行的读取次数' }) fallbacks: number;
}

export class HealthResponse implements Health {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiPropertyOptional({ type: ReadReplicaHealth, description: '只读副本（仅在设置了 DATABASE_READ_URL 时给出）' }) readReplica?: ReadReplicaHealth;
}

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export class ReadinessResponse implements Health {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiPropertyOptional({ type: [String], description: '尚未执行的数据库迁移（数据库不可用时不列出）' }) pendingMigrations?: string[];
}

/**
 * Liveness and readiness for a process manager or a load balancer (issue 12): `live` says the
 * process answers (a restart helps only when it does not), `ready` says it can serve (database
 * reachable, every migration of this version applied). `/api/health` stays as it was for the
 * scripts and the e2e configuration that wait on it.
 */
@ApiTags('运行状态')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readPool: ReadPool,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '服务与数据库状态（保留的旧接口；新部署请用 live / ready）' })
  @ApiOkResponse({ description: '服务与数据库正常（只读副本不可用时仍为 200：读取改由主库执行，readReplica.status 为 down）', type: HealthResponse })
  @ApiServiceUnavailableResponse({ description: '数据库不可用', type: HealthResponse })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    // the replica is probed beside the primary; its state never turns the answer into a 503 (ReadPool falls back)
    const [primary, readReplica] = await Promise.all([
      runSql(this.dataSource, sql`SELECT 1`).then(
        () => true,
        () => false,
      ),
      this.readPool.health(),
    ]);
    const replica = readReplica ? { readReplica } : {};
    if (!primary) {
      void reply.status(503);
      return { status: 'error', database: 'down', ...replica };
    }
    return { status: 'ok', database: 'up', ...replica };
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: '存活检查：进程在运行即为 200，不访问数据库' })
  @ApiOkResponse({ description: '进程在运行', type: LivenessResponse })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: '就绪检查：数据库可连接且迁移已全部执行为 200，否则 503 并说明原因' })
  @ApiOkResponse({ description: '可以接收请求', type: ReadinessResponse })
  @ApiServiceUnavailableResponse({ description: '数据库不可用，或有尚未执行的迁移（pendingMigrations 列出）', type: ReadinessResponse })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessResponse> {
    let applied: Set<string>;
    try {
      const rows = await runSql<{ name: string }>(this.dataSource, sql`SELECT name FROM migrations`);
      applied = new Set(rows.map((row) => row.name));
    } catch {
      void reply.status(503);
      return { status: 'error', database: 'down' };
    }
    const pendingMigrations = this.dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name).filter((name) => !applied.has(name));
    if (pendingMigrations.length > 0) {
      void reply.status(503);
      return { status: 'error', database: 'up', pendingMigrations };
    }
    return { status: 'ok', database: 'up', pendingMigrations: [] };
  }
}
