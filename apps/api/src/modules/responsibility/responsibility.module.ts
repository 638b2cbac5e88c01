import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResponsibilityController } from './responsibility.controller.js';
import { ResponsibilityService } from './responsibility.service.js';
import { Leader } from './entities/leader.entity.js';
import { Unit } from './entities/unit.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Leader, Unit])],
  controllers: [ResponsibilityController],
  providers: [ResponsibilityService],
  exports: [ResponsibilityService],
})
export class ResponsibilityModule {}
