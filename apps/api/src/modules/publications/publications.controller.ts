import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isMonth, type PublicationDifferences, type PublicationRevision, type PublicationStatus } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { ValidationFailed } from '../../common/errors/app.exception.js';
import { DifferencesQueryDto, PublicationDifferencesResult, PublicationRevisionResult, PublicationStatusResult } from './dto/publication.dto.js';
import { PublicationsService } from './publications.service.js';
import * as examples from '../../common/openapi/statistics-examples.js';

function monthParam(month: string): string {
  if (!isMonth(month)) throw ValidationFailed.field('month', '月份应为 YYYY-MM 格式，例如 2025-09');
  return month;
}

@ApiTags('发布与修订')
@Controller({ path: 'publications', version: '1' })
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  @Get(':month/revisions')
  @Access({ capability: 'indicators:read', scopes: ['read'] })
  @ApiOperation({
    summary: '某月的发布版本 / Published revisions of a month',
    description: '每次月结发布一版（全市及各旗县、当月及1–M月累计的指标），重新打开再月结为新的一版。\n\nEach month close publishes a revision (indicators of the city and every district, month and year-to-date); reopening and closing again publishes the next one.',
  })
  @ApiOkResponse({ type: [PublicationRevisionResult], example: examples.revisionsExample })
  revisions(@Param('month') month: string): Promise<PublicationRevision[]> {
    return this.publications.revisions(monthParam(month));
  }

  @Get(':month/status')
  @Access({ capability: 'indicators:read', scopes: ['read'] })
  @ApiOperation({
    summary: '截止某月的数据的发布状态 / Publication status of a month',
    description: '驾驶舱、月调度表据此标明显示的是第几版，是否已修订。\n\nWhether the month is closed, its latest revision and whether it was revised (a later revision, or a correction touching the month after publication).',
  })
  @ApiOkResponse({ type: PublicationStatusResult, example: examples.statusExample })
  status(@Param('month') month: string): Promise<PublicationStatus> {
    return this.publications.status(monthParam(month));
  }

  @Get(':month/differences')
  @Access({ capability: 'indicators:read', scopes: ['read'] })
  @ApiOperation({
    summary: '修订说明：两版之间（或某版与现值）的差异 / Differences between revisions',
    description:
      '全市及各旗县、当月及累计，只列出数值不同的指标（原值、现值、差额），并列出原版本发布后涉及该月的更正记录。\n\n' +
      'The indicators whose value differs between two revisions (or a revision and today), for the city and each district, month and year-to-date, with the corrections touching the month since.',
  })
  @ApiOkResponse({ type: PublicationDifferencesResult, example: examples.differencesExample })
  differences(@Param('month') month: string, @Query() query: DifferencesQueryDto): Promise<PublicationDifferences> {
    return this.publications.differences(monthParam(month), query.from, query.to);
  }
}
