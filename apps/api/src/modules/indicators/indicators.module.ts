import { Module } from '@nestjs/common';
import { DrillService } from './drill.service.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsService } from './indicators.service.js';

@Module({
  controllers: [IndicatorsController],
  providers: [IndicatorsService, DrillService],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
