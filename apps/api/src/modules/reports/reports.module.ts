import { Module } from '@nestjs/common';
import { PublicationsModule } from '../publications/publications.module.js';
import { MonthsController } from './months.controller.js';
import { MonthsService } from './months.service.js';
import { ReportFeedService } from './report-feed.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [PublicationsModule],
  controllers: [ReportsController, MonthsController],
  providers: [ReportsService, ReportFeedService, MonthsService],
  exports: [MonthsService],
})
export class ReportsModule {}
