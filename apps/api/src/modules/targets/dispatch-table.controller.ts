import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/access/access.decorator.js';
import { sendXlsx, XLSX_CONTENT_TYPE as XLSX } from '../../common/http/xlsx-reply.js';
import { DispatchTableService } from './dispatch-table.service.js';
import { DispatchTableQueryDto } from './dto/targets.dto.js';

@ApiTags('指标')
@Controller({ path: 'dispatch-table', version: '1' })
export class DispatchTableController {
  constructor(private readonly dispatch: DispatchTableService) {}

  @Get()
  @Access({ capability: 'indicators:read' })
  @ApiOperation({
    summary: '月调度表（.xlsx）',
    description: '各旗县市区及全市的本月与 1 月至本月累计：签约、开工、到位资金及其同比、占固投比重，实际利用外资及其同比，年度目标与完成率；数据口径为已核实月报',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '月调度表.xlsx', schema: { type: 'string', format: 'binary' } })
  async download(@Query() query: DispatchTableQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const { fileName, body } = await this.dispatch.xlsx(query.month);
    sendXlsx(reply, fileName, body, `dispatch-table-${query.month}.xlsx`);
  }
}
