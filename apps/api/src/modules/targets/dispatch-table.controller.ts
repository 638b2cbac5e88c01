import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/access/access.decorator.js';
import { DispatchTableService } from './dispatch-table.service.js';
import { DispatchTableQueryDto } from './dto/targets.dto.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / 5987: the Chinese name for browsers, a plain ASCII one for the rest. */
function attachment(fileName: string, month: string): string {
  return `attachment; filename="dispatch-table-${month}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@ApiTags('指标')
@Controller({ path: 'dispatch-table', version: '1' })
export class DispatchTableController {
  constructor(private readonly dispatch: DispatchTableService) {}

  @Get()
  @Access({ capability: 'indicators:read' })
  @ApiOperation({
    summary: '月调度表（.xlsx）',
    description: '各旗县市区及全市的本月与 1 月至本月累计：签约、开工、到位资金及占固投比重，年度目标与完成率；数据口径为已核实月报',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '月调度表.xlsx', schema: { type: 'string', format: 'binary' } })
  async download(@Query() query: DispatchTableQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const { fileName, body } = await this.dispatch.xlsx(query.month);
    void reply.header('content-type', XLSX).header('content-disposition', attachment(fileName, query.month)).send(body);
  }
}
