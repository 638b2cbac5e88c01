import { Global, Module } from '@nestjs/common';
import { RegionResolvers } from './region-resolvers.js';

/** What the access guard shares with the feature modules. */
@Global()
@Module({
  providers: [RegionResolvers],
  exports: [RegionResolvers],
})
export class AccessModule {}
