import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CorrectionPage } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { CorrectionPageResult, CorrectionQueryDto } from './dto/correction.dto.js';
import { CorrectionsService } from './corrections.service.js';

@ApiTags('项目')
@Controller({ path: 'corrections', version: '1' })
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Get()
  @Access({ capability: 'projects:read' })
  @ApiOperation({
    summary: '更正记录',
    description: '改变已月结月份数据的项目修改（市级人员或管理员填写原因后的更正，来自修改项目、变更阶段或导入），以及退回阶段；新的在前，按页返回',
  })
  @ApiOkResponse({ type: CorrectionPageResult })
  list(@Query() query: CorrectionQueryDto): Promise<CorrectionPage> {
    return this.corrections.list(query);
  }
}
