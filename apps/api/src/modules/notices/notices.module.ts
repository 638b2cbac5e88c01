import { Module } from '@nestjs/common';
import { WarningsModule } from '../warnings/warnings.module.js';
import { NoticeSettingsService } from './notice-settings.service.js';
import { NoticesController } from './notices.controller.js';
import { NoticesService } from './notices.service.js';

/** 三单一函 (issue 14 item 3): notices, their numbering, signing, feedback, 待升级, statistics and settings. */
@Module({
  imports: [WarningsModule],
  controllers: [NoticesController],
  providers: [NoticesService, NoticeSettingsService],
  exports: [NoticesService],
})
export class NoticesModule {}
