import { Module } from '@nestjs/common';
import { WarningsModule } from '../warnings/warnings.module.js';
import { WorkbenchController } from './workbench.controller.js';
import { WorkbenchService } from './workbench.service.js';

/** 工作台 (issue 13): each person's to-dos and the latest changes of their region. */
@Module({
  imports: [WarningsModule],
  controllers: [WorkbenchController],
  providers: [WorkbenchService],
})
export class WorkbenchModule {}
