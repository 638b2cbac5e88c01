// Examples of the answers of the endpoints a statistics system calls (API keys), shown in
// /api/docs and /api/openapi.json. Taken from the real answers on the demo data (SEED_DEMO), lists cut
// to one or two entries; apps/api/test/openapi.integration-spec.ts checks each against its schema.

export const regionsExample = [
  {
    "code": "150500",
    "name": "通辽市",
    "shortName": "通辽",
    "parentCode": null,
    "sortOrder": 0
  },
  {
    "code": "150502",
    "name": "科尔沁区",
    "shortName": "科尔沁",
    "parentCode": "150500",
    "sortOrder": 1
  }
];

export const industriesExample = [
  {
    "code": "NE",
    "name": "新能源（风电、光伏、储能、氢能）",
    "sortOrder": 10,
    "active": true,
    "version": 1
  },
  {
    "code": "NM",
    "name": "有色金属及新材料（铝、合金）",
    "sortOrder": 20,
    "active": true,
    "version": 1
  }
];

export const leadersExample = [
  {
    "id": "31947f13-a445-4fa0-ae2d-73d3fd71df33",
    "name": "市长 罗俊峰",
    "portfolio": "主持市政府全面工作",
    "level": "CITY",
    "regionCode": null,
    "userId": null,
    "sortOrder": 10,
    "active": true,
    "version": 1
  }
];

export const unitsExample = [
  {
    "id": "6ab2695d-898e-45fc-a481-0da2e0ea06a7",
    "name": "市投资促进局",
    "level": "CITY",
    "regionCode": null,
    "sortOrder": 10,
    "active": true,
    "version": 1
  }
];

export const projectsFeedExample = {
  "items": [
    {
      "id": "003c9f92-fd3a-49d1-ae46-f144f436ebe9",
      "projectNo": "150523-2023-0006",
      "name": "年产 5 万吨氨基酸项目",
      "regionCode": "150523",
      "regionName": "开鲁县",
      "industryCode": "AG",
      "industryName": "玉米生物及农畜产品精深加工（含肉牛）",
      "investorName": "通辽宏禾肉业有限公司",
      "investorOrigin": "IN_CITY_OTHER_COUNTY",
      "contractAmountWan": "2600.00",
      "stage": "IN_PRODUCTION",
      "signedAt": "2023-12-19",
      "isKeyProject": false,
      "parentProjectNo": null,
      "updatedAt": "2024-12-28T06:24:00.000Z",
      "investorUscc": "91150502MA8RJYL063",
      "plannedInvestmentWan": "3600.00",
      "registeredAt": "2024-01-04",
      "constructionStartedAt": "2024-02-27",
      "productionStartedAt": "2024-12-28",
      "terminatedAt": null,
      "terminationReason": null,
      "plannedStartMonth": null,
      "leadOfficial": null,
      "leadDepartment": null,
      "nationalCode": "2023-150523-13-03-914357",
      "districtContactId": null,
      "districtContactName": null,
      "statsRegistered": true,
      "statsRegisteredMonth": "2024-04",
      "statsCode": "20240456585521",
      "notes": null,
      "version": 1,
      "createdAt": "2023-12-25T00:48:00.000Z",
      "approvals": [
        {
          "kind": "FILING",
          "status": "DONE",
          "doneAt": "2023-12-21"
        },
        {
          "kind": "LAND",
          "status": "DONE",
          "doneAt": "2024-01-01"
        },
        {
          "kind": "PLANNING",
          "status": "DONE",
          "doneAt": "2024-01-04"
        },
        {
          "kind": "ENVIRONMENT",
          "status": "DONE",
          "doneAt": "2024-01-05"
        },
        {
          "kind": "ENERGY",
          "status": "DONE",
          "doneAt": "2024-02-06"
        },
        {
          "kind": "CONSTRUCTION",
          "status": "DONE",
          "doneAt": "2024-02-17"
        }
      ],
      "approvalsComplete": true
    }
  ],
  "nextCursor": "YzF8NzQ2fDAwM2M5ZjkyLWZkM2EtNDlkMS1hZTQ2LWYxNDRmNDM2ZWJlOQ",
  "resumeCursor": "YzF8NzQ2fDAwM2M5ZjkyLWZkM2EtNDlkMS1hZTQ2LWYxNDRmNDM2ZWJlOQ"
};

export const reportsFeedExample = {
  "items": [
    {
      "id": "000c164b-bfd7-4ea4-b19d-5f63c260e95d",
      "projectId": "2caf3f97-e7ed-42b9-b594-0870dd4bc427",
      "projectNo": "150571-2022-0004",
      "projectName": "年产 700 套风机叶片项目",
      "regionCode": "150571",
      "month": "2026-05",
      "arrivedEquityWan": "0.00",
      "arrivedLoanWan": "0.00",
      "arrivedOtherWan": "0.00",
      "arrivedTotalWan": "0.00",
      "completedInvestmentWan": "0.00",
      "progress": "正常生产，产能逐步释放",
      "status": "VERIFIED",
      "returnReason": null,
      "submittedAt": "2026-06-05T23:15:00.000Z",
      "verifiedAt": "2026-06-12T00:01:00.000Z",
      "version": 3,
      "updatedAt": "2026-06-12T00:01:00.000Z"
    }
  ],
  "nextCursor": "YzF8NzQ2fDAwMGMxNjRiLWJmZDctNGVhNC1iMTlkLTVmNjNjMjYwZTk1ZA",
  "resumeCursor": "YzF8NzQ2fDAwMGMxNjRiLWJmZDctNGVhNC1iMTlkLTVmNjNjMjYwZTk1ZA"
};

export const faiListExample = [
  {
    "regionCode": "150500",
    "regionName": "通辽市",
    "month": "2026-01",
    "amountWan": "40841.00",
    "version": 1,
    "updatedAt": "2026-07-08T02:00:00.000Z"
  },
  {
    "regionCode": "150500",
    "regionName": "通辽市",
    "month": "2026-02",
    "amountWan": "44808.00",
    "version": 1,
    "updatedAt": "2026-07-08T02:00:00.000Z"
  }
];

export const faiWriteExample = {
  "created": 0,
  "updated": 3,
  "unchanged": 9
};

export const indicatorsExample = {
  "from": "2026-01",
  "to": "2026-06",
  "region": "150500",
  "groupBy": "region",
  "includeUnverified": false,
  "rows": [
    {
      "key": "150502",
      "label": "科尔沁区",
      "signedCount": 13,
      "signedAmountWan": "560655.97",
      "signedCount10m": 13,
      "startedCount": 14,
      "arrivedFundsWan": "62177.31",
      "foreignCapitalWan": "6.63",
      "faiTotalWan": "78593.00",
      "arrivedByOrigin": {
        "FOREIGN": "6.63",
        "OUT_OF_REGION": "43135.29",
        "IN_REGION_OUT_OF_CITY": "12325.05",
        "IN_CITY_OTHER_COUNTY": "6710.34",
        "LOCAL": "6837.35"
      },
      "keyProjects": {
        "count": 9,
        "startedCount": 6,
        "approvalsCompleteCount": 6,
        "startRate": 0.6667,
        "approvalsCompleteRate": 0.6667
      },
      "startRate": 0.1538,
      "arrivalRate": 0.0135,
      "fundsToFaiRatio": 0.7911,
      "registeredFaiShare": 0.4996,
      "growthContribution": 0.9033,
      "pull": 32.7578,
      "lastYear": {
        "signedCount": 12,
        "signedAmountWan": "140464.88",
        "signedCount10m": 9,
        "startedCount": 8,
        "arrivedFundsWan": "43283.91",
        "foreignCapitalWan": "546.47",
        "faiTotalWan": "57676.00",
        "arrivedByOrigin": {
          "FOREIGN": "546.47",
          "OUT_OF_REGION": "11092.31",
          "IN_REGION_OUT_OF_CITY": "13676.93",
          "IN_CITY_OTHER_COUNTY": "17968.20",
          "LOCAL": "522.34"
        },
        "keyProjects": {
          "count": 5,
          "startedCount": 3,
          "approvalsCompleteCount": 3
        }
      },
      "yoy": {
        "signedAmountWan": 2.9914,
        "arrivedFundsWan": 0.4365,
        "foreignCapitalWan": -0.9879,
        "faiTotalWan": 0.3627,
        "signedCount": 0.0833,
        "signedCount10m": 0.4444,
        "startedCount": 0.75,
        "arrivedByOrigin": {
          "FOREIGN": -0.9879,
          "OUT_OF_REGION": 2.8888,
          "IN_REGION_OUT_OF_CITY": -0.0988,
          "IN_CITY_OTHER_COUNTY": -0.6265,
          "LOCAL": 12.0898
        },
        "keyProjects": {
          "count": 0.8,
          "startedCount": 1,
          "approvalsCompleteCount": 1
        }
      },
      "targetCompletion": {}
    }
  ],
  "total": {
    "signedCount": 66,
    "signedAmountWan": "2859376.13",
    "signedCount10m": 60,
    "startedCount": 60,
    "arrivedFundsWan": "376862.64",
    "foreignCapitalWan": "33912.45",
    "faiTotalWan": "525014.00",
    "arrivedByOrigin": {
      "FOREIGN": "33912.45",
      "OUT_OF_REGION": "279755.30",
      "IN_REGION_OUT_OF_CITY": "63194.89",
      "IN_CITY_OTHER_COUNTY": "62018.51",
      "LOCAL": "60075.22"
    },
    "keyProjects": {
      "count": 52,
      "startedCount": 38,
      "approvalsCompleteCount": 37,
      "startRate": 0.7308,
      "approvalsCompleteRate": 0.7115
    },
    "startRate": 0.0909,
    "arrivalRate": 0.0056,
    "fundsToFaiRatio": 0.7178,
    "registeredFaiShare": 0.5184,
    "growthContribution": -0.0683,
    "pull": -0.453,
    "lastYear": {
      "signedCount": 57,
      "signedAmountWan": "1576898.55",
      "signedCount10m": 51,
      "startedCount": 49,
      "arrivedFundsWan": "379093.24",
      "foreignCapitalWan": "14134.89",
      "faiTotalWan": "492362.00",
      "arrivedByOrigin": {
        "FOREIGN": "14134.89",
        "OUT_OF_REGION": "248689.44",
        "IN_REGION_OUT_OF_CITY": "116268.91",
        "IN_CITY_OTHER_COUNTY": "112960.99",
        "LOCAL": "28705.14"
      },
      "keyProjects": {
        "count": 38,
        "startedCount": 25,
        "approvalsCompleteCount": 26
      }
    },
    "yoy": {
      "signedAmountWan": 0.8133,
      "arrivedFundsWan": -0.0059,
      "foreignCapitalWan": 1.3992,
      "faiTotalWan": 0.0663,
      "signedCount": 0.1579,
      "signedCount10m": 0.1765,
      "startedCount": 0.2245,
      "arrivedByOrigin": {
        "FOREIGN": 1.3992,
        "OUT_OF_REGION": 0.1249,
        "IN_REGION_OUT_OF_CITY": -0.4565,
        "IN_CITY_OTHER_COUNTY": -0.451,
        "LOCAL": 1.0928
      },
      "keyProjects": {
        "count": 0.3684,
        "startedCount": 0.52,
        "approvalsCompleteCount": 0.4231
      }
    },
    "targetCompletion": {},
    "note": "全市到位资金不含市内县际（旗县之间）资金，各旗县数据包含本地区引进的市内县际资金，因此全市合计小于各旗县之和"
  }
};

export const drillExample = {
  "indicator": "signedAmountWan",
  "kind": "amount",
  "from": "2026-01",
  "to": "2026-06",
  "region": "150500",
  "regionName": "通辽市",
  "industry": null,
  "origin": null,
  "includeUnverified": false,
  "rule": "签约日期在所选期间内的项目合同额之和（按签约日期计入，增资项目只计增量）。",
  "rows": [
    {
      "projectId": "c5b22e4a-1d44-42b5-9676-689f901d8d84",
      "projectNo": "150581-2026-0005",
      "name": "400MW/800MWh 独立储能电站项目",
      "regionCode": "150581",
      "regionName": "霍林郭勒市",
      "industryCode": "NE",
      "investorOrigin": "IN_REGION_OUT_OF_CITY",
      "stage": "UNDER_CONSTRUCTION",
      "contractAmountWan": "398086.65",
      "date": "2026-04-10",
      "months": [],
      "amountWan": "398086.65"
    },
    {
      "projectId": "10359409-8e7c-41d3-a3cb-44a45884e73b",
      "projectNo": "150581-2026-0011",
      "name": "宏达 18 万吨电池铝箔项目",
      "regionCode": "150581",
      "regionName": "霍林郭勒市",
      "industryCode": "NM",
      "investorOrigin": "OUT_OF_REGION",
      "stage": "REGISTERED",
      "contractAmountWan": "295000.00",
      "date": "2026-06-26",
      "months": [],
      "amountWan": "295000.00"
    }
  ],
  "rowCount": 65,
  "byStage": {
    "IN_PRODUCTION": 1,
    "REGISTERED": 19,
    "SIGNED": 8,
    "TERMINATED": 1,
    "UNDER_CONSTRUCTION": 36
  },
  "total": "2845376.13",
  "excluded": []
};

export const warningsExample = {
  "date": "2026-12-05",
  "items": [
    {
      "projectId": "8f90b50c-47fc-47bd-9d83-f3f0668d32de",
      "projectNo": "150523-2021-0003",
      "projectName": "开鲁县 70MW 分散式风电项目",
      "regionCode": "150523",
      "regionName": "开鲁县",
      "rule": "STATS",
      "level": "RED",
      "since": "2022-01-02",
      "message": "开工（2021-11-02）已满 2 个月，仍未入库"
    }
  ],
  "total": 394,
  "counts": {
    "byRegion": [
      {
        "regionCode": "150502",
        "regionName": "科尔沁区",
        "RED": 32,
        "YELLOW": 21
      }
    ],
    "byRule": {
      "START": {
        "RED": 29,
        "YELLOW": 18
      },
      "STATS": {
        "RED": 48,
        "YELLOW": 5
      },
      "FUNDS": {
        "RED": 71,
        "YELLOW": 74
      },
      "REPORT": {
        "RED": 77,
        "YELLOW": 0
      },
      "ISSUE": {
        "RED": 15,
        "YELLOW": 13
      },
      "POLICY": {
        "RED": 40,
        "YELLOW": 4
      }
    }
  }
};

export const warningCountsExample = { date: warningsExample.date, counts: warningsExample.counts };

export const revisionsExample = [
  {
    "month": "2026-06",
    "revision": 1,
    "publishedAt": "2026-07-08T02:00:00.000Z",
    "publishedBy": "系统（演示数据）",
    "reason": null
  }
];

export const statusExample = {
  "month": "2026-06",
  "closed": true,
  "revision": 1,
  "publishedAt": "2026-07-08T02:00:00.000Z",
  "revised": false
};

export const differencesExample = {
  "month": "2026-06",
  "from": {
    "revision": 1,
    "publishedAt": "2026-07-08T02:00:00.000Z"
  },
  "to": null,
  "rows": [
    {
      "regionCode": "150502",
      "regionName": "科尔沁区",
      "period": "MONTH",
      "indicator": "arrivedFundsWan",
      "label": "到位资金",
      "kind": "amount",
      "before": "12380.50",
      "after": "12980.50",
      "difference": "600.00"
    }
  ],
  "corrections": [
    {
      "at": "2026-07-20T03:12:00.000Z",
      "actorName": "市投资促进局 王敏",
      "projectNo": "150502-2026-0003",
      "projectName": "年产 100 万吨玉米淀粉及深加工项目",
      "fields": [
        "statsRegisteredMonth"
      ],
      "reason": "统计局确认入库月份为 6 月"
    }
  ]
};

/** PUT /stats-projects: the bureau's list of a month written again with a few changes */
export const statsProjectsWriteExample = { created: 12, updated: 3, unchanged: 180, deleted: 1 };

const reconciliationRow = {
  projectId: '0b9f1c52-6f3e-4c1e-9d1a-3c2f5e8a7b10',
  projectNo: 'ZS-150526-2025-0042',
  projectName: '扎鲁特旗 20 万千瓦风储一体化项目',
  projectVersion: 7,
  regionCode: '150526',
  regionName: '扎鲁特旗',
  nationalCode: '2025-150526-44-02-041235',
  statsName: '扎鲁特旗20万千瓦风储一体化项目',
  statsNationalCode: '2025-150526-44-02-041235',
  matchedBy: 'CODE',
  statsRegistered: true,
  statsRegisteredMonth: '2025-05',
  theirRegisteredMonth: '2025-05',
  oursCompletedYtdWan: '18650.00',
  theirsCompletedYtdWan: '17200.00',
  differenceWan: '1450.00',
  amountDiffers: true,
  registeredMonthDiffers: false,
};

/** GET /stats-projects/reconciliation: one district, one differing project shown in two lists */
export const reconciliationExample = {
  month: '2025-09',
  regionCode: '150526',
  listedCount: 38,
  tolerance: { toleranceWan: '10.00', toleranceRate: 0.05 },
  counts: { matched: 33, oursOnly: 4, notRegistered: 2, unknown: 1, amountDiffers: 1 },
  oursCompletedWan: '412380.50',
  theirsCompletedWan: '409120.00',
  differenceWan: '3260.50',
  lists: { matched: [reconciliationRow], oursOnly: [], notRegistered: [], unknown: [], amountDiffers: [reconciliationRow] },
};

/** GET /stats-projects/coverage */
export const coverageExample = { month: '2025-09', listMonth: '2025-09', regionCode: '150500', registeredCount: 358, alsoListedCount: 304, share: 0.8492 };
