import { Module } from '@nestjs/common';
import { ProjectQueriesService } from './project-queries.service.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

@Module({
  controllers: [ProjectsController],
  providers: [ProjectsService, ProjectQueriesService],
  exports: [ProjectsService, ProjectQueriesService],
})
export class ProjectsModule {}
