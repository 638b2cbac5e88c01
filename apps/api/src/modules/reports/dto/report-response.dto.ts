import { ApiProperty } from '@nestjs/swagger';
import type { FeedPage, MonthlyReportDto } from '@zhaoshang/shared/domain';
import { domainSchemaRef } from '../../../common/openapi/domain-response.js';

/** GET /monthly-reports: one page of the statistics feed (DOMAIN.md §8). */
export class ReportFeedResult implements FeedPage<MonthlyReportDto> {
  @ApiProperty({ title: '月报', type: 'array', items: domainSchemaRef('MonthlyReportDto'), description: '月报（金额为万元，两位小数的字符串）/ monthly reports (money in 10,000 yuan, decimal strings)' }) items: MonthlyReportDto[];
  @ApiProperty({ title: '下一页游标', type: String, nullable: true, description: '原样作为 cursor 参数取下一页；null 表示当前没有更多' }) nextCursor: string | null;
  @ApiProperty({ title: '续取游标', description: '总是返回：本页最后一行之后的位置（末页则为当前水位线）；下次增量调用原样作为 cursor 传入，不会遗漏' }) resumeCursor: string;
}
