import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { StatsProjectsController } from './stats-projects.controller.js';
import { StatsProjectsService } from './stats-projects.service.js';

@Module({
  imports: [ProjectsModule],
  controllers: [StatsProjectsController],
  providers: [StatsProjectsService],
  exports: [StatsProjectsService],
})
export class StatsProjectsModule {}
