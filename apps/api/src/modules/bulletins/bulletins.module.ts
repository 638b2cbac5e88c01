import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module.js';
import { FollowThroughModule } from '../follow-through/follow-through.module.js';
import { WarningsModule } from '../warnings/warnings.module.js';
import { BulletinsController } from './bulletins.controller.js';
import { BulletinsService } from './bulletins.service.js';

/** 季通报 (issue 15 item 2): preview, generation (kept with its .docx), list and download. */
@Module({
  imports: [FollowThroughModule, WarningsModule, CommitmentsModule],
  controllers: [BulletinsController],
  providers: [BulletinsService],
})
export class BulletinsModule {}
