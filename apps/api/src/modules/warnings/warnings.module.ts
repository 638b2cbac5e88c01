import { Module } from '@nestjs/common';
import { WarningSettingsService } from './warning-settings.service.js';
import { WarningsController } from './warnings.controller.js';
import { WarningsService } from './warnings.service.js';

/** 预警 (issue 6): the warning rules' thresholds (settings) and the warnings evaluated in SQL. */
@Module({
  controllers: [WarningsController],
  providers: [WarningsService, WarningSettingsService],
  exports: [WarningsService],
})
export class WarningsModule {}
