import { Controller, Get, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { shanghaiToday } from '@zhaoshang/shared/domain';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { Access } from '../../common/access/access.decorator.js';
import { sendXlsx, XLSX_CONTENT_TYPE as XLSX } from '../../common/http/xlsx-reply.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { CommitmentsService } from '../commitments/commitments.service.js';
import { CommitmentQueryDto } from '../commitments/dto/commitments.dto.js';
import { buildCommitmentLedger, commitmentLedgerFileName } from './commitments-export.js';

/** A ledger is a few hundred rows a district; this many keeps one export's memory bounded. */
export const LEDGER_EXPORT_MAX = 20_000;

/**
 * GET /api/v1/commitments/export.xlsx (issue 15 item 1): the 兑现台账 in Excel, over the list's
 * filters, rows and totals from the commitments service itself (the same order, 逾期 first, and the
 * same summary sentence as the page). Kept here beside the import, whose columns it writes.
 */
@ApiTags('优惠政策兑现')
@Controller({ path: 'commitments', version: '1' })
export class CommitmentsExportController {
  constructor(
    private readonly commitments: CommitmentsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('export.xlsx')
  @Access({ capability: 'commitments:read' })
  @ApiOperation({ summary: '导出优惠政策兑现台账（.xlsx）', description: '筛选同台账列表（分页除外）；标题、汇总语句、各承诺及合计行；逾期标红' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '优惠政策兑现台账-地区-日期.xlsx', schema: { type: 'string', format: 'binary' } })
  async export(@Query() query: CommitmentQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const today = shanghaiToday();
    const { items, totals, summary } = await this.commitments.list({ ...query, page: 1, pageSize: LEDGER_EXPORT_MAX }, today);
    const scope = await this.scopeOf(query);
    const buffer = await buildCommitmentLedger({ items, totals, summary, scope: scope.text, today });
    sendXlsx(reply, commitmentLedgerFileName(scope.name, today), buffer, `commitments-${today}.xlsx`);
  }

  /** 「奈曼旗」 or the city's name, and the period on 兑现期限 when one was chosen. */
  private async scopeOf(query: CommitmentQueryDto): Promise<{ name: string; text: string }> {
    const [region] = await runSql<{ name: string }>(
      this.dataSource,
      query.regionCode ? sql`SELECT name FROM regions WHERE code = ${query.regionCode}` : sql`SELECT name FROM regions WHERE parent_code IS NULL ORDER BY sort_order LIMIT 1`,
    );
    const name = region?.name ?? '全市';
    const period = query.from || query.to ? `，兑现期限 ${query.from ?? '…'} 至 ${query.to ?? '…'}` : '';
    return { name, text: `${name}${period}` };
  }
}
