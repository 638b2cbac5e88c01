import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DictionariesController } from './dictionaries.controller.js';
import { DictionariesService } from './dictionaries.service.js';
import { Industry } from './entities/industry.entity.js';
import { Region } from './entities/region.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Region, Industry])],
  controllers: [DictionariesController],
  providers: [DictionariesService],
  exports: [DictionariesService],
})
export class DictionariesModule {}
