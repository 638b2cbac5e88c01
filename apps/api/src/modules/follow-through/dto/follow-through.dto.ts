import type { FollowThroughQuery } from '@zhaoshang/shared/domain';
import { MonthText, RegionCode } from '../../reports/dto/report-write.dto.js';

export class FollowThroughQueryDto implements FollowThroughQuery {
  @MonthText('起始月份') from: string;
  @MonthText('截止月份') to: string;
  @RegionCode(true) region?: string;
}
