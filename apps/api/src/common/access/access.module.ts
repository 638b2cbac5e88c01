import { Global, Module } from '@nestjs/common';
import { RegionResolvers } from './region-resolvers.js';
import { SessionCache } from './session-cache.js';
import { SessionListener } from './session-listener.js';

/** What the access guard shares with the feature modules. */
@Global()
@Module({
  providers: [RegionResolvers, { provide: SessionCache, useFactory: () => new SessionCache() }, SessionListener],
  exports: [RegionResolvers, SessionCache],
})
export class AccessModule {}
