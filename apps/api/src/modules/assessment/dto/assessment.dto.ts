import { ApiProperty } from '@nestjs/swagger';
import type { AssessmentComponent, AssessmentSettingsRequest } from '@zhaoshang/shared/domain';
import { IsObject, Matches } from 'class-validator';
import { VersionField } from '../../../common/validation/version-field.js';

export class AssessmentQueryDto {
  @ApiProperty({ title: '考核周期', example: '2026-Q3', description: '季度 2026-Q3、半年 2026-H1 或全年 2026' })
  @Matches(/^\d{4}(-(Q[1-4]|H[12]))?$/, { message: '考核周期应为 2026-Q3（季度）、2026-H1（半年）或 2026（全年）' })
  period: string;
}

export class AssessmentSettingsDto implements AssessmentSettingsRequest {
  @ApiProperty({
    title: '权重',
    type: Object,
    description: '各考核项的权重（0 至 1，合计为 1）：signedAmountWan、signedCount10m、arrivedFundsWan、startedCount（目标完成率）、issuesOnTime、noticesOnTime、commitmentsHonoured；为 0 的项不计分',
  })
  @IsObject({ message: '权重应为按考核项的数值' })
  weights: Record<AssessmentComponent, number>;

  @VersionField({ neverSaved: true }) version: number;
}
