import { Init1795432669185 } from './1795432669185-Init.js';
import { SeedDictionaries1795432669200 } from './1795432669200-SeedDictionaries.js';
import { AddProjects1795435369500 } from './1795435369500-AddProjects.js';
import { AddProjectTextSearch1795436000000 } from './1795436000000-AddProjectTextSearch.js';
import { AddMonthlyFigures1795440210798 } from './1795440210798-AddMonthlyFigures.js';
import { AddTargets1795442166317 } from './1795442166317-AddTargets.js';
import { AddWarningSettings1795442810150 } from './1795442810150-AddWarningSettings.js';
import { AddCommitOrderedFeeds1795450000000 } from './1795450000000-AddCommitOrderedFeeds.js';
import { AddCorrectionsAndPublications1795460000000 } from './1795460000000-AddCorrectionsAndPublications.js';
import { AddLoginThrottle1795470000000 } from './1795470000000-AddLoginThrottle.js';
import { AddImportProgress1795480000000 } from './1795480000000-AddImportProgress.js';
import { AddResponsibility1795490000000 } from './1795490000000-AddResponsibility.js';
import { AddProjectIssues1795500000000 } from './1795500000000-AddProjectIssues.js';
import { AddNotices1795510000000 } from './1795510000000-AddNotices.js';
import { AddNoticeDeadlineChosen1795520000000 } from './1795520000000-AddNoticeDeadlineChosen.js';
import { AddPolicyCommitments1795530000000 } from './1795530000000-AddPolicyCommitments.js';
import { AddBulletins1795540000000 } from './1795540000000-AddBulletins.js';
import { AddWebhooks1795550000000 } from './1795550000000-AddWebhooks.js';
import { AddApiKeyRateLimits1795560000000 } from './1795560000000-AddApiKeyRateLimits.js';
import { AddStatsProjects1795570000000 } from './1795570000000-AddStatsProjects.js';
import { AddIndicatorSummaries1795580000000 } from './1795580000000-AddIndicatorSummaries.js';
import { AddWarningState1795590000000 } from './1795590000000-AddWarningState.js';
import { CoverMonthStatusIndex1795600000000 } from './1795600000000-CoverMonthStatusIndex.js';
import { AddKeyProjectState1795610000000 } from './1795610000000-AddKeyProjectState.js';
import { AddWarnLiveProjects1795620000000 } from './1795620000000-AddWarnLiveProjects.js';

/** In order. Listed explicitly so the built app, the tests and the tools run the same set. */
export const MIGRATIONS = [Init1795432669185, SeedDictionaries1795432669200, AddProjects1795435369500, AddProjectTextSearch1795436000000, AddMonthlyFigures1795440210798, AddTargets1795442166317, AddWarningSettings1795442810150, AddCommitOrderedFeeds1795450000000, AddCorrectionsAndPublications1795460000000, AddLoginThrottle1795470000000, AddImportProgress1795480000000, AddResponsibility1795490000000, AddProjectIssues1795500000000, AddNotices1795510000000, AddNoticeDeadlineChosen1795520000000, AddPolicyCommitments1795530000000, AddBulletins1795540000000, AddWebhooks1795550000000, AddApiKeyRateLimits1795560000000, AddStatsProjects1795570000000, AddIndicatorSummaries1795580000000, AddWarningState1795590000000, CoverMonthStatusIndex1795600000000, AddKeyProjectState1795610000000, AddWarnLiveProjects1795620000000];
