import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../../common/access/access.decorator.js';
import { runSql, sql } from '../../common/sql/sql.js';

export interface Health {
  status: 'ok' | 'error';
  database: 'up' | 'down';
}

@ApiTags('运行状态')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: '服务与数据库正常' })
  @ApiServiceUnavailableResponse({ description: '数据库不可用' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    try {
      await runSql(this.dataSource, sql`SELECT 1`);
      return { status: 'ok', database: 'up' };
    } catch {
      void reply.status(503);
      return { status: 'error', database: 'down' };
    }
  }
}
