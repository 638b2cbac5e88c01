import { Module } from '@nestjs/common';
import { FollowThroughController } from './follow-through.controller.js';
import { FollowThroughService } from './follow-through.service.js';

/** 跟踪落实 figures (issue 14 item 4): problems and notices counted per district, for the dashboard and the 月调度表. */
@Module({
  controllers: [FollowThroughController],
  providers: [FollowThroughService],
  exports: [FollowThroughService],
})
export class FollowThroughModule {}
