import { Module } from '@nestjs/common';
import { CorrectionsController } from './corrections.controller.js';
import { CorrectionsService } from './corrections.service.js';
import { ProjectQueriesService } from './project-queries.service.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';

@Module({
  controllers: [ProjectsController, CorrectionsController],
  providers: [ProjectsService, ProjectQueriesService, CorrectionsService],
  exports: [ProjectsService, ProjectQueriesService],
})
export class ProjectsModule {}
