import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module.js';
import { CommitmentsExportController } from './commitments-export.controller.js';
import { ImportProgressRegistry } from './import-progress.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';
import { SearchIndexMerge } from './search-index-merge.js';

/**
 * Spreadsheet imports of projects, monthly reports, FAI totals (DOMAIN.md §8, issue 5) and the
 * 优惠政策兑现台账 (issue 15), and the ledger's Excel export, which writes the import's columns.
 */
@Module({
  imports: [CommitmentsModule],
  controllers: [ImportsController, CommitmentsExportController],
  providers: [ImportsService, ImportProgressRegistry, SearchIndexMerge],
})
export class ImportsModule {}
