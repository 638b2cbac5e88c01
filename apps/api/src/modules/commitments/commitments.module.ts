import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentsController } from './commitments.controller.js';
import { CommitmentsService } from './commitments.service.js';
import { CommitmentEvent } from './entities/commitment-event.entity.js';
import { PolicyCommitment } from './entities/policy-commitment.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([PolicyCommitment, CommitmentEvent])],
  controllers: [CommitmentsController],
  providers: [CommitmentsService],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
