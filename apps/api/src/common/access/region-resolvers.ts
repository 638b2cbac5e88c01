import { Injectable } from '@nestjs/common';
import type { RegionResolverName } from './access.decorator.js';

/** Looks up the region of a record by the id a request names; null when there is no such record. */
export type RegionResolver = (id: string) => Promise<string | null>;

/**
 * The access guard's lookups for rules with `region.resolve`: each feature module registers how to
 * find its records' region, so that one guard decides for every route and no service repeats it.
 */
@Injectable()
export class RegionResolvers {
  private readonly resolvers = new Map<RegionResolverName, RegionResolver>();

  register(name: RegionResolverName, resolver: RegionResolver): void {
    if (this.resolvers.has(name)) throw new Error(`region resolver "${name}" registered twice`);
    this.resolvers.set(name, resolver);
  }

  resolve(name: RegionResolverName, id: string): Promise<string | null> {
    const resolver = this.resolvers.get(name);
    // a route declaring a resolver no module registered is a programming error, not a request's
    if (!resolver) throw new Error(`no region resolver "${name}" is registered`);
    return resolver(id);
  }
}
