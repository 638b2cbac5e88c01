/**
 * The words of Tongliao's demo data set: districts and their industrial leanings, industries with
 * their typical sizes and project names, where investors come from, how officials are titled. The
 * figures only aim at plausibility (the scale of the city's reports: ~37,800 万元 per signed project).
 */

export type DemoIndustry = 'NE' | 'NM' | 'CH' | 'AG' | 'BM' | 'EQ' | 'LG' | 'CT' | 'DG' | 'OT';

export interface DistrictProfile {
  code: string;
  name: string;
  /** 旗长 / 县长 / 区长 / 市长 / 主任: the title of the district's head */
  head: string;
  deputy: string;
  weight: number;
  /** multiplies the industry's weight in this district */
  leaning: Partial<Record<DemoIndustry, number>>;
  park: string;
}

export const DISTRICTS: readonly DistrictProfile[] = [
  { code: '150502', name: '科尔沁区', head: '区长', deputy: '副区长', weight: 16, leaning: { LG: 2.2, DG: 2.5, CT: 1.5, BM: 1.5, NM: 0.3, CH: 0.3 }, park: '科尔沁工业园区' },
  { code: '150521', name: '科尔沁左翼中旗', head: '旗长', deputy: '副旗长', weight: 9, leaning: { NE: 1.6, AG: 1.4, NM: 0.3 }, park: '科左中旗工业园区' },
  { code: '150522', name: '科尔沁左翼后旗', head: '旗长', deputy: '副旗长', weight: 9, leaning: { CT: 2.5, AG: 1.5, NE: 1.2, NM: 0.3 }, park: '甘旗卡工业园区' },
  { code: '150523', name: '开鲁县', head: '县长', deputy: '副县长', weight: 10, leaning: { AG: 1.6, BM: 1.8, NE: 1.2, NM: 0.3 }, park: '开鲁经济开发区' },
  { code: '150524', name: '库伦旗', head: '旗长', deputy: '副旗长', weight: 7, leaning: { CT: 2.5, BM: 1.5, AG: 1.2, NM: 0.2 }, park: '库伦工业园区' },
  { code: '150525', name: '奈曼旗', head: '旗长', deputy: '副旗长', weight: 10, leaning: { NE: 1.5, AG: 1.3, CH: 1.2, NM: 0.5 }, park: '奈曼经济开发区' },
  { code: '150526', name: '扎鲁特旗', head: '旗长', deputy: '副旗长', weight: 9, leaning: { NE: 1.8, CH: 1.5, NM: 1.2 }, park: '扎鲁特工业园区' },
  { code: '150581', name: '霍林郭勒市', head: '市长', deputy: '副市长', weight: 14, leaning: { NM: 4, CH: 2, NE: 1.5, AG: 0.3, CT: 0.5 }, park: '霍林郭勒铝工业园区' },
  { code: '150571', name: '通辽经济技术开发区', head: '管委会主任', deputy: '管委会副主任', weight: 16, leaning: { AG: 1.6, EQ: 2.2, BM: 1.5, NM: 1.5, LG: 1.3, CT: 0.2 }, park: '通辽经济技术开发区' },
];

/** A project-name template: `{r}` is the district, `{n}` a number drawn from [min, max] by step. */
export type NameTemplate = readonly [template: string, min: number, max: number, step: number];

export interface IndustryProfile {
  code: DemoIndustry;
  /** share of the projects, before a district's leaning */
  weight: number;
  /** median contract amount in 万元, and the spread of its logarithm */
  medianWan: number;
  sigma: number;
  /** the industry word of an investor's name: 新能源, 铝业, 生物科技 … */
  investorWords: readonly string[];
  templates: readonly NameTemplate[];
  /** 国民经济行业 division of the national project code (its DD part) */
  nationalDivisions: readonly string[];
  department: string;
}

export const INDUSTRIES: readonly IndustryProfile[] = [
  {
    code: 'NE',
    weight: 18,
    medianWan: 60_000,
    sigma: 1.0,
    investorWords: ['新能源', '风电', '光伏发电', '能源科技', '储能科技', '氢能科技', '清洁能源', '电力'],
    templates: [
      ['{r} {n}MW 风电项目', 100, 1000, 50],
      ['{r} {n}MW 光伏治沙项目', 50, 500, 50],
      ['{n} 万千瓦源网荷储一体化项目', 20, 150, 10],
      ['{n}MW/{n}MWh 独立储能电站项目', 100, 400, 50],
      ['年产 {n} 万吨绿氢制取及储运项目', 1, 5, 1],
      ['{n} 万千瓦风光制氢一体化示范项目', 20, 100, 10],
      ['{r} {n}MW 分散式风电项目', 20, 100, 10],
    ],
    nationalDivisions: ['44'],
    department: '市能源局',
  },
  {
    code: 'NM',
    weight: 8,
    medianWan: 50_000,
    sigma: 1.0,
    investorWords: ['铝业', '铝电', '新材料', '合金材料', '金属材料', '铝合金', '有色金属'],
    templates: [
      ['年产 {n} 万吨高性能铝合金项目', 5, 50, 5],
      ['{n} 万吨铝板带箔项目', 5, 40, 5],
      ['年产 {n} 万吨再生铝项目', 5, 30, 5],
      ['{n} 万吨电解铝绿电替代项目', 10, 60, 10],
      ['年产 {n} 万吨铝合金车轮毂项目', 1, 10, 1],
      ['{n} 万吨电池铝箔项目', 2, 20, 2],
    ],
    nationalDivisions: ['32', '33'],
    department: '市工业和信息化局',
  },
  {
    code: 'CH',
    weight: 6,
    medianWan: 30_000,
    sigma: 1.0,
    investorWords: ['化工', '煤化工', '碱业', '化学', '能源化工', '精细化工'],
    templates: [
      ['年产 {n} 万吨煤制乙二醇项目', 10, 60, 10],
      ['{n} 万吨天然碱综合利用项目', 20, 100, 20],
      ['年产 {n} 万吨合成氨及尿素项目', 10, 60, 10],
      ['{n} 万吨煤焦油深加工项目', 10, 50, 10],
      ['年产 {n} 万吨可降解材料项目', 2, 20, 2],
    ],
    nationalDivisions: ['25', '26'],
    department: '市工业和信息化局',
  },
  {
    code: 'AG',
    weight: 22,
    medianWan: 18_000,
    sigma: 1.0,
    investorWords: ['生物科技', '农牧业', '食品', '牧业', '玉米开发', '淀粉', '肉业', '饲料', '农业发展'],
    templates: [
      ['年产 {n} 万吨玉米淀粉及深加工项目', 10, 100, 10],
      ['{n} 万头肉牛育肥及屠宰加工项目', 1, 20, 1],
      ['年产 {n} 万吨氨基酸项目', 5, 50, 5],
      ['{n} 万吨饲料加工项目', 5, 50, 5],
      ['{n} 头奶牛标准化牧场项目', 2000, 12000, 1000],
      ['年产 {n} 万吨杂粮精深加工项目', 1, 10, 1],
      ['{n} 万吨玉米秸秆综合利用项目', 5, 30, 5],
      ['{r}肉牛全产业链项目', 0, 0, 1],
    ],
    nationalDivisions: ['13', '14', '03'],
    department: '市农牧局',
  },
  {
    code: 'BM',
    weight: 6,
    medianWan: 8_000,
    sigma: 0.9,
    investorWords: ['药业', '生物医药', '蒙药', '制药', '医疗科技', '生物工程'],
    templates: [
      ['蒙药制剂生产基地建设项目', 0, 0, 1],
      ['年产 {n} 吨原料药项目', 100, 2000, 100],
      ['生物发酵制药项目', 0, 0, 1],
      ['{n} 亩中蒙药材种植及加工项目', 1000, 20000, 1000],
      ['年产 {n} 亿片蒙药片剂项目', 1, 10, 1],
    ],
    nationalDivisions: ['27'],
    department: '市卫生健康委员会',
  },
  {
    code: 'EQ',
    weight: 9,
    medianWan: 12_000,
    sigma: 0.9,
    investorWords: ['装备制造', '机械', '重工', '智能装备', '电气', '风电设备'],
    templates: [
      ['年产 {n} 套风机叶片项目', 200, 1000, 100],
      ['{n}MW 风电塔筒制造项目', 500, 2000, 100],
      ['年产 {n} 台农机装备制造项目', 1000, 10000, 1000],
      ['{n} 万套汽车零部件项目', 10, 100, 10],
      ['年产 {n} 台光伏逆变器项目', 1000, 20000, 1000],
    ],
    nationalDivisions: ['34', '35', '38'],
    department: '市工业和信息化局',
  },
  {
    code: 'LG',
    weight: 10,
    medianWan: 8_000,
    sigma: 0.9,
    investorWords: ['物流', '供应链', '商贸', '冷链物流', '国际贸易', '仓储'],
    templates: [
      ['{r}冷链物流园项目', 0, 0, 1],
      ['{n} 万平方米商贸物流中心项目', 2, 20, 2],
      ['国际陆港物流园项目', 0, 0, 1],
      ['{n} 万吨农产品冷链仓储项目', 1, 10, 1],
      ['农产品批发市场升级改造项目', 0, 0, 1],
    ],
    nationalDivisions: ['59', '51'],
    department: '市商务局',
  },
  {
    code: 'CT',
    weight: 7,
    medianWan: 6_000,
    sigma: 0.9,
    investorWords: ['文化旅游', '旅游开发', '文旅', '文化传媒', '酒店管理'],
    templates: [
      ['{r}文化旅游综合体项目', 0, 0, 1],
      ['{r}乡村旅游示范区项目', 0, 0, 1],
      ['草原民宿集群项目', 0, 0, 1],
      ['{n} 亩沙漠生态旅游项目', 1000, 10000, 1000],
      ['蒙元文化主题街区项目', 0, 0, 1],
    ],
    nationalDivisions: ['90', '87'],
    department: '市文化旅游体育局',
  },
  {
    code: 'DG',
    weight: 5,
    medianWan: 10_000,
    sigma: 1.0,
    investorWords: ['数字科技', '信息技术', '数据科技', '云计算', '网络科技'],
    templates: [
      ['{n} 个机柜数据中心项目', 1000, 10000, 1000],
      ['{n}P 智能算力中心项目', 100, 2000, 100],
      ['智慧城市建设项目', 0, 0, 1],
      ['工业互联网平台项目', 0, 0, 1],
    ],
    nationalDivisions: ['64', '65'],
    department: '市政务服务与数据管理局',
  },
  {
    code: 'OT',
    weight: 9,
    medianWan: 6_000,
    sigma: 0.9,
    investorWords: ['建设', '实业', '环保科技', '建材', '置业', '水务'],
    templates: [
      ['年产 {n} 万吨固废综合利用项目', 5, 50, 5],
      ['{n} 万平方米装配式建筑产业园项目', 5, 30, 5],
      ['{r}污水处理厂提标改造项目', 0, 0, 1],
      ['{n} 万平方米城市综合体项目', 5, 30, 5],
      ['年产 {n} 万吨新型建材项目', 10, 100, 10],
    ],
    nationalDivisions: ['30', '47', '77'],
    department: '市发展和改革委员会',
  },
];

/** Where an investor is registered: its name's prefix and the division code of its USCC. */
export type Home = readonly [prefix: string, division: string];

export const OUT_OF_REGION_HOMES: readonly Home[] = [
  ['北京', '110105'], ['上海', '310115'], ['天津', '120116'], ['河北', '130102'], ['辽宁', '210102'], ['沈阳', '210106'],
  ['大连', '210204'], ['吉林', '220104'], ['长春', '220106'], ['黑龙江', '230103'], ['江苏', '320506'], ['南京', '320105'],
  ['浙江', '330106'], ['杭州', '330108'], ['宁波', '330212'], ['山东', '370102'], ['青岛', '370212'], ['广东', '440106'],
  ['深圳', '440305'], ['福建', '350203'], ['河南', '410105'], ['湖北', '420106'], ['四川', '510107'], ['陕西', '610113'],
  ['山西', '140105'], ['安徽', '340104'],
];

export const IN_REGION_HOMES: readonly Home[] = [
  ['内蒙古', '150105'], ['呼和浩特', '150102'], ['包头', '150207'], ['鄂尔多斯', '150602'], ['赤峰', '150402'],
  ['呼伦贝尔', '150702'], ['乌兰察布', '150902'], ['兴安盟', '152201'], ['锡林郭勒', '152502'],
];

/** Foreign investors: the prefix and the legal-form word; none has a mainland USCC. */
export const FOREIGN_HOMES: readonly [prefix: string, form: string][] = [
  ['香港', '控股有限公司'], ['香港', '投资有限公司'], ['香港', '国际有限公司'], ['新加坡', '私人有限公司'],
  ['澳门', '投资有限公司'], ['日本', '株式会社'], ['韩国', '株式会社'], ['德国', '有限公司'],
];

/** Two characters of a trade name (字号), drawn one from each list. */
export const TRADE_NAME_FIRST = [...'华鸿瑞金恒中天博嘉盛宏远明东新正锦富泰兴和安利德信永佳昌海晟北蒙科'];
export const TRADE_NAME_SECOND = [...'骏晟丰源通科润远禾达图景阳方奥泰程华能隆辉邦创宇鑫航川峰业诚'];

export const COMPANY_FORMS = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'];

export const SURNAMES = [...'王李张刘陈杨赵黄周吴孙马高郭包白宝那乌何罗梁宋韩冯'];
export const GIVEN_NAMES = ['建国', '志强', '海军', '立新', '晓东', '永胜', '文华', '红梅', '丽娟', '金山', '振华', '国庆', '明远', '俊峰', '春燕', '学军', '玉兰', '宏伟'];
/** Mongolian names stand alone, without a Chinese surname. */
export const MONGOLIAN_NAMES = ['巴特尔', '那日苏', '斯琴', '乌云', '额尔敦', '敖特根', '其木格', '图门'];

export const TERMINATION_REASONS = [
  '投资方资金链断裂，无力继续投资',
  '项目用地未能落实，双方协商终止',
  '受市场变化影响，企业调整投资计划',
  '环评未获批复，项目无法实施',
  '投资方战略调整，撤回投资',
  '能耗指标不足，项目无法落地',
  '合同约定条件未满足，双方协商解除协议',
  '企业被并购，新控股方放弃该项目',
  '项目选址与国土空间规划冲突，无法实施',
];

export const NOTES = [
  '项目位于{park}',
  '已完成土地摘牌，正在办理规划手续',
  '企业已成立项目公司，正在招聘技术人员',
  '一期已投产，二期正在筹备',
  '项目纳入自治区重大项目清单',
  '配套电网接入工程由供电公司同步推进',
  '投资方为上市公司控股子公司',
  '需协调解决项目用水指标',
  '{park}提供标准化厂房',
];
