import { Module } from '@nestjs/common';
import { ImportProgressRegistry } from './import-progress.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

/** Spreadsheet imports of projects, monthly reports and FAI totals (DOMAIN.md §8, issue 5). */
@Module({
  controllers: [ImportsController],
  providers: [ImportsService, ImportProgressRegistry],
})
export class ImportsModule {}
