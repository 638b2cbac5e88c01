import { DEFAULT_PAGE_SIZE, type ProjectListQuery, activeFilterCount, parseProjectQuery, projectQueryParams } from './project-query';

describe('the list view in the URL', () => {
  const full: ProjectListQuery = {
    regionCode: '150525',
    industryCode: 'NE',
    stage: 'UNDER_CONSTRUCTION',
    investorOrigin: 'OUT_OF_REGION',
    isKeyProject: true,
    signedFrom: '2025-01-01',
    signedTo: '2025-12-31',
    amountMin: '1000',
    amountMax: '50000.5',
    q: '风电',
    sort: 'contractAmountWan',
    order: 'desc',
    page: 3,
    pageSize: 50,
  };

  it('reads back every filter, the sort and the page it wrote', () => {
    const params = projectQueryParams(full, { forUrl: true });
    expect(params).toEqual({
      regionCode: '150525',
      industryCode: 'NE',
      stage: 'UNDER_CONSTRUCTION',
      investorOrigin: 'OUT_OF_REGION',
      isKeyProject: 'true',
      signedFrom: '2025-01-01',
      signedTo: '2025-12-31',
      amountMin: '1000',
      amountMax: '50000.5',
      q: '风电',
      sort: 'contractAmountWan',
      order: 'desc',
      page: '3',
      pageSize: '50',
    });
    expect(parseProjectQuery(params)).toEqual(full);
    // through a real URL too (encoding of Chinese text)
    const url = new URL(`http://x/projects?${new URLSearchParams(params).toString()}`);
    expect(parseProjectQuery(Object.fromEntries(url.searchParams))).toEqual(full);
  });

  it('keeps "not a key project" apart from "any"', () => {
    expect(parseProjectQuery(projectQueryParams({ isKeyProject: false }, { forUrl: true })).isKeyProject).toBe(false);
    expect(parseProjectQuery({}).isKeyProject).toBeUndefined();
  });

  it('leaves the defaults out of a link and puts them back when reading it', () => {
    expect(projectQueryParams({ page: 1, pageSize: DEFAULT_PAGE_SIZE }, { forUrl: true })).toEqual({});
    expect(parseProjectQuery({})).toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
    // the API always gets the page
    expect(projectQueryParams({ stage: 'SIGNED' })).toEqual({ stage: 'SIGNED', page: '1', pageSize: String(DEFAULT_PAGE_SIZE) });
    expect(projectQueryParams({ stage: 'SIGNED', page: 4 }, { paging: false })).toEqual({ stage: 'SIGNED' });
  });

  it('drops what a hand-edited link gets wrong instead of sending it to the API', () => {
    expect(
      parseProjectQuery({
        regionCode: '15',
        stage: 'DONE',
        investorOrigin: 'MARS',
        isKeyProject: 'yes',
        signedFrom: '2025-02-30',
        amountMin: '-5',
        amountMax: '1.234',
        sort: 'password',
        order: 'desc',
        page: '0',
        pageSize: '7',
        q: '   ',
      }),
    ).toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
    // a sort without an order is ascending
    expect(parseProjectQuery({ sort: 'signedAt' })).toMatchObject({ sort: 'signedAt', order: 'asc' });
    expect(parseProjectQuery({ q: ['奈曼', '开鲁'] }).q).toBe('奈曼');
  });

  it('counts a date or amount range as one filter', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ signedFrom: '2025-01-01', signedTo: '2025-02-01', amountMax: '10', q: 'a' })).toBe(3);
    expect(activeFilterCount({ isKeyProject: false })).toBe(1);
  });
});
