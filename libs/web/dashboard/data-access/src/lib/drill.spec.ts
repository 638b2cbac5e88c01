import { drillHref, projectsLink, warningsLink } from './drill';

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
});
