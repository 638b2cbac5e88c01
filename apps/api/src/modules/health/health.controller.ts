import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../../common/access/access.decorator.js';
import { runSql, sql } from '../../common/sql/sql.js';

export interface Health {
  status: 'ok' | 'error';
  database: 'up' | 'down';
}

export class HealthResponse implements Health {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '服务与数据库状态（保留的旧接口；新部署请用 live / ready）' })
  @ApiOkResponse({ description: '服务与数据库正常', type: HealthResponse })
  @ApiServiceUnavailableResponse({ description: '数据库不可用', type: HealthResponse })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    try {
      await runSql(this.dataSource, sql`SELECT 1`);
      return { status: 'ok', database: 'up' };
    } catch {
      void reply.status(503);
      return { status: 'error', database: 'down' };
    }
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
