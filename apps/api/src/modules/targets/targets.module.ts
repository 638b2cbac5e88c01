import { Module } from '@nestjs/common';
import { FollowThroughModule } from '../follow-through/follow-through.module.js';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { WarningsModule } from '../warnings/warnings.module.js';
import { DispatchTableController } from './dispatch-table.controller.js';
import { DispatchTableService } from './dispatch-table.service.js';
import { TargetProgressService } from './target-progress.service.js';
import { TargetsController } from './targets.controller.js';
import { TargetsService } from './targets.service.js';

@Module({
  imports: [IndicatorsModule, WarningsModule, FollowThroughModule],
  controllers: [TargetsController, DispatchTableController],
  providers: [TargetsService, TargetProgressService, DispatchTableService],
  exports: [TargetsService],
})
export class TargetsModule {}
