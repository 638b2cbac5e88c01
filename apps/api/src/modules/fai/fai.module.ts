import { Module } from '@nestjs/common';
import { FaiController } from './fai.controller.js';
import { FaiService } from './fai.service.js';

@Module({
  controllers: [FaiController],
  providers: [FaiService],
  exports: [FaiService],
})
export class FaiModule {}
