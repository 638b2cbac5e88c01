// The demo data set (issue 5): pure generation, no database. The API's loader (apps/api/src/demo)
// and the tools (tools/demo, tools/bench) write what these functions return.
export { DEMO_DEFAULT_COUNT, DEMO_DEFAULT_SEED, type DemoDataSet, type DemoListEntry, type DemoOptions, type DemoProject, type DemoSequence, generateDemoProjects } from './lib/generate-projects.js';
export { ArrivalTally, type DemoMonthlyOptions, MonthlyContext } from './lib/monthly-context.js';
export { type DemoReport, demoReportChunks, projectReports, RETURN_REASONS, tallyArrivals } from './lib/generate-reports.js';
export { CITY_REGION_CODE, type DemoFaiTotal, demoFaiTotals, FIRST_FAI_MONTH, FUNDS_TO_FAI_TARGET } from './lib/generate-fai-totals.js';
export { type DemoMonthClose, demoMonthCloses, generateDemoMonthlyData, MONTH_CLOSED_BY } from './lib/generate-monthly.js';
export { type DemoIndustry, DISTRICTS, type DistrictProfile, INDUSTRIES, type IndustryProfile } from './lib/tongliao-vocabulary.js';
export {
  CHAIN_PLANS,
  type ChainEnd,
  type DemoAuthor,
  type DemoFollowThrough,
  type DemoFollowThroughOptions,
  type DemoIssue,
  type DemoIssueNote,
  type DemoNotice,
  type DemoNoticeCounter,
  generateDemoFollowThrough,
  ISSUES_PER_PROJECT,
} from './lib/generate-follow-through.js';
export { districtBureau, FOLLOW_THROUGH_UNITS } from './lib/follow-through-vocabulary.js';
export {
  COMMITMENT_NOTICES,
  COMMITMENT_STATUS_WEIGHTS,
  COMMITMENT_TYPE_WEIGHTS,
  COMMITMENTS_PER_600,
  type DemoCommitment,
  type DemoCommitmentEvent,
  type DemoCommitmentNotice,
  type DemoCommitmentOptions,
  type DemoCommitments,
  generateDemoCommitments,
} from './lib/generate-commitments.js';
export { type DemoStatsOptions, generateDemoStatsProjects } from './lib/generate-stats-projects.js';
