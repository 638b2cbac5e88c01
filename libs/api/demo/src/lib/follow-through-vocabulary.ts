/**
 * The words of the demo's follow-through (issue 14, DOMAIN.md §9): the units problems go to, what
 * projects in Tongliao typically run into, how the units answer, and what notices say. Fictional but
 * in the bureaus' own phrasing, so that a newcomer reads the 问题清单 and the 督办台账 as they would
 * read the real ones. Placeholders: {park} the district's park, {unit} the responsible unit, {n} a
 * number drawn by the generator.
 */
import type { IssueCategory, ProjectStage } from '@zhaoshang/shared/domain';

/**
 * 市直部门 and companies the problems of each category go to, besides those the industries already
 * name (tongliao-vocabulary's `department`). 市纪委监委 receives the 移交函.
 */
export const FOLLOW_THROUGH_UNITS = {
  land: '市自然资源局',
  environment: '市生态环境局',
  housing: '市住房和城乡建设局',
  power: '国网通辽供电公司',
  finance: '市金融工作办公室',
  labour: '市人力资源和社会保障局',
  approvals: '市政务服务与数据管理局',
  development: '市发展和改革委员会',
  discipline: '市纪委监委',
  // issue 15: who honours the 财政奖补 and 税费 commitments (appended: the list's first entries keep their order)
  treasury: '市财政局',
  tax: '国家税务总局通辽市税务局',
} as const;

/** A district's 商务/招商 bureau: the 责任单位 of most of its ordinary projects. */
export function districtBureau(district: { code: string; name: string }): string {
  return district.code === '150571' ? '通辽经济技术开发区投资促进局' : `${district.name}商务和投资促进局`;
}

/** How often each category comes up (用地, 水电气暖 and 审批服务 most: the bureau's own tallies). */
export const CATEGORY_WEIGHTS: Record<IssueCategory, number> = {
  LAND: 22,
  UTILITIES: 20,
  APPROVAL_SERVICE: 16,
  PLANNING: 8,
  EIA: 8,
  CONSTRUCTION_PERMIT: 7,
  FINANCING: 7,
  ENERGY: 5,
  LABOUR: 4,
  OTHER: 3,
};

/** The stages in which a category of problem is met: land before the start, workers during construction … */
export const CATEGORY_STAGES: Record<IssueCategory, readonly ProjectStage[]> = {
  LAND: ['SIGNED', 'REGISTERED', 'UNDER_CONSTRUCTION'],
  PLANNING: ['SIGNED', 'REGISTERED'],
  EIA: ['SIGNED', 'REGISTERED'],
  ENERGY: ['SIGNED', 'REGISTERED'],
  CONSTRUCTION_PERMIT: ['SIGNED', 'REGISTERED', 'UNDER_CONSTRUCTION'],
  UTILITIES: ['REGISTERED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION'],
  FINANCING: ['REGISTERED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION'],
  LABOUR: ['UNDER_CONSTRUCTION', 'IN_PRODUCTION'],
  APPROVAL_SERVICE: ['SIGNED', 'REGISTERED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION'],
  OTHER: ['REGISTERED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION'],
};

/** One kind of problem: what the project reports, which unit handles it, how it ends. */
export interface ProblemTemplate {
  description: string;
  /** a key of FOLLOW_THROUGH_UNITS, or 'bureau' (the district's bureau) */
  unit: keyof typeof FOLLOW_THROUGH_UNITS | 'bureau';
  progress: readonly string[];
  resolution: string;
  /** the values {n} takes (亩, 千伏, 吨, 万元, 人 … as the sentence says) */
  n?: readonly number[];
}

export const PROBLEMS: Record<IssueCategory, readonly ProblemTemplate[]> = {
  LAND: [
    {
      description: '项目二期用地指标未落实，需市自然资源局协调自治区追加新增建设用地计划指标',
      unit: 'land',
      n: [80, 150, 260, 400],
      progress: ['已将项目用地需求报自治区自然资源厅，纳入本年度第二批用地计划申报', '已完成用地预审，正在编制农用地转用方案'],
      resolution: '自治区已下达追加用地计划指标 {n} 亩，项目二期用地已完成组卷报批',
    },
    {
      description: '项目选址涉及基本农田 {n} 亩，需调整选址或办理占补平衡，企业请求协调',
      unit: 'land',
      n: [12, 35, 60, 120],
      progress: ['已组织自然资源、农牧部门现场踏勘，初步确定调整后的选址范围', '调整选址方案已报市国土空间规划委员会审议'],
      resolution: '项目选址已调整至{park}内，避让基本农田，用地手续已办结',
    },
    {
      description: '项目用地土地征收补偿未完成，{n} 户农牧民未签订补偿协议，影响场地平整',
      unit: 'bureau',
      n: [3, 5, 8, 12],
      progress: ['旗县政府已成立征拆工作组，逐户入户做工作', '已有大部分农牧民签订补偿协议，剩余户正在协商'],
      resolution: '征收补偿协议全部签订，补偿款已足额发放，场地已交付企业',
    },
    {
      description: '光伏治沙项目用地涉及林草地，林草地征占用审批进展缓慢',
      unit: 'land',
      progress: ['已报送使用林草地可行性报告，等待自治区林草局审查', '自治区林草局已受理，正在组织专家评审'],
      resolution: '使用林草地审核同意书已批复，项目可按批复范围施工',
    },
    {
      description: '项目用地招拍挂时间晚于企业计划，企业请求加快土地供应',
      unit: 'land',
      progress: ['已完成土地储备和地价评估，拟于下月挂牌出让', '土地出让方案已经市政府常务会议审定'],
      resolution: '项目用地已挂牌出让，企业竞得并签订出让合同，不动产权证已办理',
    },
  ],
  PLANNING: [
    {
      description: '项目所在地块控制性详细规划未批复，无法办理建设用地规划许可证',
      unit: 'land',
      progress: ['控制性详细规划已编制完成，正在公示', '规划已提交市国土空间规划委员会审议'],
      resolution: '控制性详细规划已批复，建设用地规划许可证已核发',
    },
    {
      description: '项目总平面图规划方案调整，容积率指标与出让条件不一致，需规划部门认定',
      unit: 'land',
      progress: ['已组织专家对调整方案进行论证', '调整方案已完成批前公示'],
      resolution: '规划方案调整已审定，工程规划许可证已核发',
    },
  ],
  EIA: [
    {
      description: '项目环境影响报告书审批未完成，企业反映技术评估意见修改周期长',
      unit: 'environment',
      progress: ['已召开技术评估会，企业正在按专家意见修改报告书', '修改后的报告书已重新报送，等待复核'],
      resolution: '环境影响报告书已批复，项目可开工建设',
    },
    {
      description: '项目污染物排放总量指标未落实，需在全市范围内调剂',
      unit: 'environment',
      progress: ['已在全市范围内梳理可调剂的总量指标', '总量指标调剂方案已报市政府审定'],
      resolution: '已调剂落实化学需氧量和氨氮排放总量指标，环评已批复',
    },
    {
      description: '项目选址临近水源保护区，环评需补充论证，企业请求提前指导',
      unit: 'environment',
      progress: ['生态环境部门已派员上门指导，明确补充论证内容'],
      resolution: '补充论证通过评审，环评文件已批复',
    },
  ],
  ENERGY: [
    {
      description: '项目节能审查需落实能耗指标 {n} 万吨标准煤，全市能耗指标紧张',
      unit: 'development',
      n: [2, 5, 8, 15],
      progress: ['已将项目纳入全市重点项目能耗指标保障清单', '能耗指标已向自治区申请单列'],
      resolution: '能耗指标已落实，节能审查意见已出具',
    },
    {
      description: '风电项目并网接入方案未批复，需协调电网企业出具接入系统意见',
      unit: 'power',
      progress: ['已与电网企业对接，接入系统方案正在评审'],
      resolution: '接入系统方案已批复，项目纳入本年度并网计划',
    },
  ],
  CONSTRUCTION_PERMIT: [
    {
      description: '项目施工图审查未通过，消防设计需修改，影响施工许可证办理',
      unit: 'housing',
      progress: ['设计单位已按审查意见修改施工图', '修改后的施工图已重新提交审查'],
      resolution: '施工图审查合格，施工许可证已核发',
    },
    {
      description: '企业申请“先建后验”容缺办理施工许可，需住建部门明确容缺事项',
      unit: 'housing',
      progress: ['已出具容缺受理告知书，企业承诺限期补齐材料'],
      resolution: '按容缺受理办理施工许可证，企业已补齐材料',
    },
  ],
  UTILITIES: [
    {
      description: '项目 {n} 千伏供电线路未接入，外部供电工程进度滞后，影响设备调试',
      unit: 'power',
      n: [10, 35, 66, 110, 220],
      progress: ['供电公司已完成线路勘察设计，正在组织施工', '线路杆塔组立已完成，正在架线'],
      resolution: '{n} 千伏供电线路已送电，项目设备调试用电已保障',
    },
    {
      description: '园区供热管网未延伸至项目地块，企业冬季施工和生产用热无法保障',
      unit: 'housing',
      progress: ['已将管网延伸工程纳入园区基础设施建设计划', '管网工程已完成招标，正在施工'],
      resolution: '供热管网已接通，企业用热已保障',
    },
    {
      description: '{park}天然气管道未接通，企业生产线燃气供应需协调',
      unit: 'housing',
      progress: ['已协调燃气公司编制接驳方案', '燃气管道接驳工程已开工'],
      resolution: '燃气管道已接通并通气，生产线燃气供应正常',
    },
    {
      description: '项目生产用水日需求 {n} 吨，园区供水管网能力不足',
      unit: 'housing',
      n: [800, 1500, 3000, 5000],
      progress: ['已对园区供水能力进行评估，确定扩容方案'],
      resolution: '园区供水管网扩容工程已完工，项目用水已满足',
    },
    {
      description: '项目用电负荷增加，需办理增容并执行大工业电价，企业请求加快办理',
      unit: 'power',
      progress: ['供电公司已受理增容申请，正在制定供电方案'],
      resolution: '增容已完成，已按大工业用电执行电价',
    },
  ],
  FINANCING: [
    {
      description: '企业流动资金贷款 {n} 万元到期续贷困难，请求协调银行办理续贷',
      unit: 'finance',
      n: [3000, 5000, 8000, 20000],
      progress: ['已召开银企对接会，两家银行表示有意愿', '银行已完成贷前调查'],
      resolution: '银行已办理续贷，企业流动资金已保障',
    },
    {
      description: '项目固定资产贷款审批进度慢，企业请求纳入重点项目融资对接清单',
      unit: 'finance',
      progress: ['已将项目纳入全市重点项目融资对接清单并推送金融机构'],
      resolution: '项目贷款已获批并首笔放款',
    },
  ],
  LABOUR: [
    {
      description: '企业投产招工缺口 {n} 人，熟练技术工人不足',
      unit: 'labour',
      n: [60, 120, 200, 350],
      progress: ['人社部门已组织专场招聘会', '已协调职业院校开展订单式培训'],
      resolution: '通过专场招聘和订单培训补足用工，企业已正常生产',
    },
  ],
  APPROVAL_SERVICE: [
    {
      description: '项目备案、规划、施工许可等手续在多个部门间流转，企业请求“一站式”代办服务',
      unit: 'approvals',
      progress: ['已安排帮办代办专员全程跟踪', '已通过并联审批办结大部分事项'],
      resolution: '全部审批事项已办结，帮办代办服务已完成',
    },
    {
      description: '项目不动产权证办理需补缴契税，企业对计税依据有异议',
      unit: 'approvals',
      progress: ['已协调税务、自然资源部门联合核定计税依据'],
      resolution: '计税依据已核定，企业缴税后不动产权证已办结',
    },
    {
      description: '项目竣工联合验收涉及消防、规划、人防等部门，企业请求统一组织',
      unit: 'approvals',
      progress: ['已制定联合验收方案，明确牵头部门和时间', '联合验收已现场查验，部分问题待整改'],
      resolution: '联合验收已通过，出具联合验收意见书',
    },
    {
      description: '企业反映项目所在园区审批权限下放后办事流程不清，请求明确',
      unit: 'bureau',
      progress: ['已梳理下放事项清单并向企业告知办理流程'],
      resolution: '已印发园区审批事项办事指南，企业事项已办结',
    },
  ],
  OTHER: [
    {
      description: '项目周边道路未硬化，大型设备运输受限，请求协调道路施工',
      unit: 'bureau',
      progress: ['已将道路硬化纳入园区年度建设计划'],
      resolution: '道路硬化工程已完工，设备运输已通行',
    },
    {
      description: '企业申请的招商引资奖补资金未拨付，请求协调财政部门',
      unit: 'bureau',
      progress: ['已核实企业投资进度，奖补资金拨付方案已报批'],
      resolution: '首期奖补资金已拨付到位',
    },
  ],
};

/** Why a problem could not be solved (无法解决 needs a reason, DOMAIN.md §9). */
export const UNRESOLVABLE_REASONS: readonly string[] = [
  '经核查，诉求不符合国家产业政策和国土空间规划管控要求，无法支持，已向企业解释说明',
  '企业调整投资计划，项目暂缓实施，诉求已不再需要解决',
  '诉求涉及自治区审批权限，经多次对接暂无政策支持，已建议企业调整方案',
  '企业要求的优惠条件超出政策规定范围，经研究不予支持，已书面答复企业',
];

/** What the first look at a problem records (a note while it is still 待办). */
export const FIRST_NOTES: readonly string[] = ['已电话联系项目单位，了解问题详细情况', '已将问题转{unit}，请其研究提出办理意见', '已登记入库，近期组织现场对接'];

/** The recipient's feedback to a notice: what was done, not yet the end (the issuer closes). */
export const FEEDBACKS: readonly string[] = [
  '{unit}已召开专题会议研究，明确分管负责同志牵头办理，并与项目单位逐项对接，目前已取得阶段性进展',
  '{unit}已成立工作专班，制定办理时间表，主要负责同志现场调度，预计近期办结',
  '收到通知后，{unit}立即组织相关科室研究，已完成主要环节，正在办理剩余手续',
  '{unit}已与项目单位座谈，企业对办理进度表示认可，剩余事项正在加紧推进',
];

/** The feedback that ends a notice's matter. */
export const FINAL_FEEDBACKS: readonly string[] = [
  '经{unit}协调办理，问题已解决，项目单位已书面确认',
  '{unit}已按要求办结，并将办理结果告知项目单位，企业表示满意',
];

/** What the feedback to a warning notice says: the district explains and commits to a start. */
export const WARNING_FEEDBACKS: readonly string[] = [
  '经与项目单位对接，项目因前期手续和资金安排推迟开工，企业已承诺于明年开春后开工建设',
  '项目单位已调整建设方案，正在办理剩余前期手续，旗县已安排专人跟踪服务',
  '已约谈项目单位负责人，明确开工时间节点，并纳入旗县重点项目调度',
];

export const SIGN_COMMENTS: readonly string[] = ['同意签发。请责任单位主要负责同志亲自抓，按期办结。', '同意。请市投资促进局跟踪办理情况，及时报告。'];

export const RETURN_COMMENTS: readonly string[] = ['请补充项目单位的书面诉求材料和前期协调情况后再报。', '办理时限过紧，请与责任单位沟通后重新拟定办理要求。'];
