import { Module } from '@nestjs/common';
import { DrillService } from './drill.service.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsService } from './indicators.service.js';
import { SummariesCompactor } from './summaries-compactor.js';

@Module({
  controllers: [IndicatorsController],
  providers: [IndicatorsService, DrillService, SummariesCompactor],
  exports: [IndicatorsService, SummariesCompactor],
})
export class IndicatorsModule {}
