import { dashboardLink, detailLink, drillHref, parseDetailQuery, projectsLink, warningsLink } from './drill';

const city = { from: '2026-01', to: '2026-10', region: null };
const naiman = { from: '2026-01', to: '2026-02', region: '150525' };

describe('drill-down links', () => {
  it('leads from a district bar to its projects signed in the period', () => {
    expect(drillHref(projectsLink(city, { regionCode: '150525' }))).toBe('/projects?regionCode=150525&signedFrom=2026-01-01&signedTo=2026-10-31');
  });

  it('keeps the scope of a district for an industry or an origin', () => {
    expect(projectsLink(naiman, { industryCode: 'NE' }).queryParams).toEqual({ regionCode: '150525', industryCode: 'NE', signedFrom: '2026-01-01', signedTo: '2026-02-28' });
    expect(projectsLink(city, { investorOrigin: 'IN_CITY_OTHER_COUNTY' }).queryParams).toEqual({ investorOrigin: 'IN_CITY_OTHER_COUNTY', signedFrom: '2026-01-01', signedTo: '2026-10-31' });
  });

  it('shows every key project, whenever signed', () => {
    expect(drillHref(projectsLink(city, { isKeyProject: true, signedInPeriod: false }))).toBe('/projects?isKeyProject=true');
    expect(drillHref(projectsLink(naiman, { isKeyProject: true, signedInPeriod: false }))).toBe('/projects?regionCode=150525&isKeyProject=true');
  });

  it('leads from a warning bar to the warnings page of the district and level', () => {
    expect(drillHref(warningsLink('150523', 'RED'))).toBe('/warnings?level=RED&regionCode=150523');
    expect(warningsLink(null, 'YELLOW').queryParams).toEqual({ level: 'YELLOW' });
  });

  it('leads from a figure to its drill-down, with the way back when the figure’s period or scope differs', () => {
    expect(drillHref(detailLink(city, { indicator: 'arrivedFundsWan' }))).toBe('/dashboard/detail?indicator=arrivedFundsWan&from=2026-01&to=2026-10');
    // a month's bar: that month, and the 驾驶舱's period to go back to
    expect(detailLink(city, { indicator: 'arrivedFundsWan', from: '2026-03', to: '2026-03' }).queryParams).toEqual({ indicator: 'arrivedFundsWan', from: '2026-03', to: '2026-03', backFrom: '2026-01', backTo: '2026-10' });
    // a district's bar seen over the city: the district's own rule, back to the city
    expect(detailLink(city, { indicator: 'arrivedFundsWan', region: '150525' }).queryParams).toEqual({ indicator: 'arrivedFundsWan', from: '2026-01', to: '2026-10', region: '150525', backRegion: 'city' });
    expect(detailLink(naiman, { indicator: 'arrivedByOrigin', origin: 'LOCAL', industry: 'NE' }).queryParams).toEqual({ indicator: 'arrivedByOrigin', from: '2026-01', to: '2026-02', region: '150525', industry: 'NE', origin: 'LOCAL' });
  });

  it('reads a drill-down from the URL, and nothing from a broken one', () => {
    expect(parseDetailQuery({ indicator: 'startedCount', from: '2026-01', to: '2026-03', region: '150525' })).toEqual({ indicator: 'startedCount', from: '2026-01', to: '2026-03', region: '150525' });
    expect(parseDetailQuery({ indicator: 'arrivedByOrigin', from: '2026-01', to: '2026-03', origin: 'FOREIGN' })).toEqual({ indicator: 'arrivedByOrigin', from: '2026-01', to: '2026-03', origin: 'FOREIGN' });
    expect(parseDetailQuery({ indicator: 'arrivedByOrigin', from: '2026-01', to: '2026-03' })).toBeNull();
    expect(parseDetailQuery({ indicator: 'nonsense', from: '2026-01', to: '2026-03' })).toBeNull();
    expect(parseDetailQuery({ indicator: 'signedCount', from: '2026-05', to: '2026-03' })).toBeNull();
  });

  it('goes back to the 驾驶舱 with the same selection, plain when it is the default', () => {
    expect(drillHref(dashboardLink(naiman, '2026-11-20'))).toBe('/dashboard?from=2026-01&to=2026-02&region=150525');
    expect(drillHref(dashboardLink({ from: '2026-01', to: '2026-10', region: null }, '2026-11-20'))).toBe('/dashboard');
  });
});
