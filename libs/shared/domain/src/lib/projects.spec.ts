import { INVESTOR_ORIGINS, originCounts } from './projects.js';

describe('originCounts (DOMAIN.md §5)', () => {
  it('counts 市内县际 money at a district only, local money nowhere, the rest everywhere', () => {
    expect(INVESTOR_ORIGINS.filter((origin) => originCounts(origin, 'CITY'))).toEqual(['FOREIGN', 'OUT_OF_REGION', 'IN_REGION_OUT_OF_CITY']);
    expect(INVESTOR_ORIGINS.filter((origin) => originCounts(origin, 'DISTRICT'))).toEqual(['FOREIGN', 'OUT_OF_REGION', 'IN_REGION_OUT_OF_CITY', 'IN_CITY_OTHER_COUNTY']);
  });
});
