import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IssueNote } from './entities/issue-note.entity.js';
import { ProjectIssue } from './entities/project-issue.entity.js';
import { IssueSettingsController } from './issue-settings.controller.js';
import { IssueSettingsService } from './issue-settings.service.js';
import { ProblemsController } from './problems.controller.js';
import { ProblemsService } from './problems.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProjectIssue, IssueNote])],
  controllers: [ProblemsController, IssueSettingsController],
  providers: [ProblemsService, IssueSettingsService],
  exports: [ProblemsService],
})
export class ProblemsModule {}
