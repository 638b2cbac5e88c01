import { Module } from '@nestjs/common';
import { AssessmentController, AssessmentSettingsController } from './assessment.controller.js';
import { AssessmentSettingsService } from './assessment-settings.service.js';
import { AssessmentService } from './assessment.service.js';

/** 考核 (issue 15 item 3): the weights an admin sets and the districts' ranking for a quarter, half year or year. */
@Module({
  controllers: [AssessmentController, AssessmentSettingsController],
  providers: [AssessmentService, AssessmentSettingsService],
  exports: [AssessmentService],
})
export class AssessmentModule {}
