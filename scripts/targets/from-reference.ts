// One-off generator: writes data/targets/<plan>.yaml and data/events/<year>.yaml from the reference tables
// ../shared/reference/policy-targets.csv and reform-timeline.csv. The YAML it writes is the source of truth the
// build reads; this script only records how the first version was made (which reference row became which
// target, how areas and indicators were mapped). Run: node scripts/targets/from-reference.ts [reference-dir]
// Re-running overwrites hand edits, so edit the YAML, not this script, once the data has been reviewed.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { stringify } from 'yaml';
import { SUMMARY_EN } from './event-summaries-en.ts';

const REF = process.argv[2] ?? '../shared/reference';
type Col =
  | 'plan_zh'
  | 'plan_en'
  | 'issuer'
  | 'issued_year'
  | 'indicator_zh'
  | 'indicator_en'
  | 'unit'
  | 'baseline_year'
  | 'baseline_value'
  | 'target_year'
  | 'comparator'
  | 'target_value'
  | 'relative_target_text'
  | 'nature'
  | 'source_url'
  | 'second_source_url'
  | 'verified'
  | 'evidence'
  | 'change'
  | 'date'
  | 'precision'
  | 'title_zh'
  | 'title_en'
  | 'doc_number'
  | 'area'
  | 'kind'
  | 'summary_zh'
  | 'figures'
  | 'note';
type Row = Record<Col, string>;
const read = (f: string) => Papa.parse<Row>(readFileSync(join(REF, f), 'utf8'), { header: true, skipEmptyLines: true }).data;

interface Plan {
  id: string;
  short_zh: string;
  short_en: string;
  title_zh: string;
  title_en: string;
  issuer_zh: string;
  issuer_en: string;
  doc_number?: string;
  date: string;
  note_zh?: string;
}

// The plans, keyed by the reference's plan_zh. Titles and issuers as the reference gives them; document numbers
// and dates only where the reference states them (policy-targets.csv issuer column or reform-timeline.csv).
const PLANS: Record<string, Plan> = {
  '《“健康中国2030”规划纲要》': {
    id: 'healthy-china-2030',
    short_zh: '健康中国2030',
    short_en: 'Healthy China 2030',
    title_zh: '《“健康中国2030”规划纲要》',
    title_en: 'Outline of the Healthy China 2030 Plan',
    issuer_zh: '中共中央、国务院',
    issuer_en: 'CPC Central Committee and State Council',
    date: '2016-10-25',
  },
  '《“十三五”卫生与健康规划》': {
    id: 'health-plan-13th',
    short_zh: '十三五卫生与健康规划',
    short_en: '13th FYP health plan',
    title_zh: '《“十三五”卫生与健康规划》',
    title_en: '13th Five-Year Plan for Health and Wellness (2016-2020)',
    issuer_zh: '国务院',
    issuer_en: 'State Council',
    doc_number: '国发〔2016〕77号',
    date: '2016',
  },
  '《“十三五”深化医药卫生体制改革规划》': {
    id: 'reform-plan-13th',
    short_zh: '十三五医改规划',
    short_en: '13th FYP reform plan',
    title_zh: '《“十三五”深化医药卫生体制改革规划》',
    title_en: '13th Five-Year Plan for Deepening Medical and Health System Reform',
    issuer_zh: '国务院',
    issuer_en: 'State Council',
    date: '2017-01',
  },
  '《人力资源和社会保障事业发展“十三五”规划纲要》': {
    id: 'mohrss-plan-13th',
    short_zh: '人社十三五规划',
    short_en: 'MOHRSS 13th FYP',
    title_zh: '《人力资源和社会保障事业发展“十三五”规划纲要》',
    title_en: '13th Five-Year Plan Outline for Human Resources and Social Security',
    issuer_zh: '人力资源社会保障部',
    issuer_en: 'Ministry of Human Resources and Social Security',
    date: '2016',
  },
  '《“十四五”国民健康规划》': {
    id: 'health-plan-14th',
    short_zh: '十四五国民健康规划',
    short_en: '14th FYP national health plan',
    title_zh: '《“十四五”国民健康规划》',
    title_en: '14th Five-Year Plan for National Health (2021-2025)',
    issuer_zh: '国务院办公厅',
    issuer_en: 'General Office of the State Council',
    date: '2022-05-20',
  },
  '《母婴安全行动提升计划（2021—2025年）》': {
    id: 'maternal-safety-2021',
    short_zh: '母婴安全行动提升计划',
    short_en: 'Maternal safety action plan',
    title_zh: '《母婴安全行动提升计划（2021—2025年）》',
    title_en: 'Maternal Safety Action Upgrade Plan (2021-2025)',
    issuer_zh: '国家卫生健康委',
    issuer_en: 'National Health Commission',
    date: '2021',
  },
  '《母婴安全行动提升计划(2021—2025年)》/《健康儿童行动提升计划(2021—2025年)》': {
    id: 'maternal-child-2021',
    short_zh: '母婴安全/健康儿童行动提升计划',
    short_en: 'Maternal safety / healthy children action plans',
    title_zh: '《母婴安全行动提升计划（2021—2025年）》《健康儿童行动提升计划（2021—2025年）》',
    title_en: 'Maternal Safety and Healthy Children Action Upgrade Plans (2021-2025)',
    issuer_zh: '国家卫生健康委',
    issuer_en: 'National Health Commission',
    date: '2021',
    note_zh: '同一目标值见于两份计划。',
  },
  '《健康儿童行动提升计划（2021—2025年）》': {
    id: 'healthy-children-2021',
    short_zh: '健康儿童行动提升计划',
    short_en: 'Healthy children action plan',
    title_zh: '《健康儿童行动提升计划（2021—2025年）》',
    title_en: 'Healthy Children Action Upgrade Plan (2021-2025)',
    issuer_zh: '国家卫生健康委',
    issuer_en: 'National Health Commission',
    date: '2021',
  },
  '《“十四五”全民医疗保障规划》': {
    id: 'medical-security-plan-14th',
    short_zh: '十四五全民医保规划',
    short_en: '14th FYP medical security plan',
    title_zh: '《“十四五”全民医疗保障规划》',
    title_en: '14th Five-Year Plan for Universal Medical Security',
    issuer_zh: '国务院办公厅',
    issuer_en: 'General Office of the State Council',
    doc_number: '国办发〔2021〕36号',
    date: '2021-09-23',
  },
  '《健康中国行动(2019—2030年)》': {
    id: 'healthy-china-action',
    short_zh: '健康中国行动',
    short_en: 'Healthy China Action',
    title_zh: '《健康中国行动（2019—2030年）》',
    title_en: 'Healthy China Action (2019-2030)',
    issuer_zh: '健康中国行动推进委员会',
    issuer_en: 'Healthy China Action Promotion Committee',
    date: '2019-07-15',
    note_zh: '目标另见国务院《关于实施健康中国行动的意见》（国发〔2019〕13号）。',
  },
  '《中国防治慢性病中长期规划(2017—2025年)》': {
    id: 'ncd-plan-2017',
    short_zh: '慢性病中长期规划',
    short_en: 'Chronic disease plan',
    title_zh: '《中国防治慢性病中长期规划（2017—2025年）》',
    title_en: 'Medium- and Long-term Plan for Prevention and Treatment of Chronic Diseases (2017-2025)',
    issuer_zh: '国务院办公厅',
    issuer_en: 'General Office of the State Council',
    date: '2017',
  },
  '《“十二五”期间深化医药卫生体制改革规划暨实施方案》': {
    id: 'reform-plan-12th',
    short_zh: '十二五医改规划',
    short_en: '12th FYP reform plan',
    title_zh: '《“十二五”期间深化医药卫生体制改革规划暨实施方案》',
    title_en: 'Plan and Implementation Scheme for Deepening Health Reform during the 12th Five-Year Period',
    issuer_zh: '国务院',
    issuer_en: 'State Council',
    doc_number: '国发〔2012〕11号',
    date: '2012-03',
  },
  '《医药卫生体制改革近期重点实施方案(2009—2011年)》': {
    id: 'reform-plan-2009',
    short_zh: '2009—2011年医改实施方案',
    short_en: '2009-2011 reform plan',
    title_zh: '《医药卫生体制改革近期重点实施方案（2009—2011年）》',
    title_en: 'Implementation Plan for Recent Priorities of Health Care System Reform (2009-2011)',
    issuer_zh: '国务院',
    issuer_en: 'State Council',
    date: '2009-04-07',
  },
  '《关于推进家庭医生签约服务的指导意见》': {
    id: 'family-doctor-2016',
    short_zh: '家庭医生签约意见',
    short_en: 'Family doctor guidance',
    title_zh: '《关于推进家庭医生签约服务的指导意见》',
    title_en: 'Guiding Opinions on Promoting Family Doctor Contract Services',
    issuer_zh: '国务院医改办等7部门',
    issuer_en: 'State Council Health Reform Office and six other departments',
    date: '2016-05',
  },
  '《关于规范城乡居民健康档案管理的指导意见》': {
    id: 'health-records-2009',
    short_zh: '健康档案管理意见',
    short_en: 'Health records guidance',
    title_zh: '《关于规范城乡居民健康档案管理的指导意见》',
    title_en: "Guiding Opinions on Standardizing Management of Urban and Rural Residents' Health Records",
    issuer_zh: '卫生部',
    issuer_en: 'Ministry of Health',
    date: '2009',
  },
  '国家基本公共卫生服务项目2011年度目标(卫生部)': {
    id: 'public-health-service-2011',
    short_zh: '基本公卫2011年目标',
    short_en: 'Basic public health 2011 target',
    title_zh: '国家基本公共卫生服务项目2011年度目标',
    title_en: 'National Basic Public Health Service Program: 2011 annual target',
    issuer_zh: '卫生部',
    issuer_en: 'Ministry of Health',
    date: '2011',
  },
  '国家基本公共卫生服务项目(2015—2017年中央考核口径)': {
    id: 'public-health-service-2015',
    short_zh: '基本公卫2015—2017年考核口径',
    short_en: 'Basic public health 2015-2017 target',
    title_zh: '国家基本公共卫生服务项目（2015—2017年中央考核口径）',
    title_en: 'National Basic Public Health Service Program: central target 2015-2017',
    issuer_zh: '国家卫生计生委',
    issuer_en: 'National Health and Family Planning Commission',
    date: '2017',
  },
  '国家卫生计生委、国家中医药管理局社区卫生服务指导意见(2015年11月25日发布;确切标题未核实)': {
    id: 'community-health-2015',
    short_zh: '社区卫生服务指导意见',
    short_en: 'Community health guidance',
    title_zh: '国家卫生计生委、国家中医药管理局社区卫生服务指导意见',
    title_en: 'NHFPC/SATCM guiding opinions on community health services',
    issuer_zh: '国家卫生计生委、国家中医药管理局',
    issuer_en: 'National Health and Family Planning Commission; State Administration of Traditional Chinese Medicine',
    date: '2015-11-25',
    note_zh: '确切标题未核实。',
  },
  '《全国医疗卫生服务体系规划纲要(2015—2020年)》': {
    id: 'service-system-plan-2015',
    short_zh: '服务体系规划纲要',
    short_en: 'Service system plan',
    title_zh: '《全国医疗卫生服务体系规划纲要（2015—2020年）》',
    title_en: 'National Medical and Health Service System Plan (2015-2020)',
    issuer_zh: '国务院办公厅',
    issuer_en: 'General Office of the State Council',
    date: '2015',
  },
  '《国民经济和社会发展第十二个五年规划纲要》': {
    id: 'fyp-12th',
    short_zh: '十二五规划纲要',
    short_en: '12th FYP Outline',
    title_zh: '《国民经济和社会发展第十二个五年规划纲要》',
    title_en: '12th Five-Year Plan Outline',
    issuer_zh: '全国人民代表大会',
    issuer_en: "National People's Congress",
    date: '2011',
  },
  '《国民经济和社会发展第十三个五年规划纲要》': {
    id: 'fyp-13th',
    short_zh: '十三五规划纲要',
    short_en: '13th FYP Outline',
    title_zh: '《国民经济和社会发展第十三个五年规划纲要》',
    title_en: '13th Five-Year Plan Outline',
    issuer_zh: '全国人民代表大会',
    issuer_en: "National People's Congress",
    date: '2016',
  },
  '《国民经济和社会发展第十四个五年规划和2035年远景目标纲要》': {
    id: 'fyp-14th',
    short_zh: '十四五规划纲要',
    short_en: '14th FYP Outline',
    title_zh: '《国民经济和社会发展第十四个五年规划和2035年远景目标纲要》',
    title_en: '14th Five-Year Plan and 2035 Vision Outline',
    issuer_zh: '全国人民代表大会',
    issuer_en: "National People's Congress",
    date: '2021',
  },
  '《“十四五”公共服务规划》': {
    id: 'public-services-plan-14th',
    short_zh: '十四五公共服务规划',
    short_en: '14th FYP public services plan',
    title_zh: '《“十四五”公共服务规划》',
    title_en: '14th Five-Year Plan for Public Services',
    issuer_zh: '国家发展改革委等部门',
    issuer_en: 'National Development and Reform Commission and other departments',
    date: '2022',
  },
  '《国民经济和社会发展第十五个五年规划纲要》': {
    id: 'fyp-15th',
    short_zh: '十五五规划纲要',
    short_en: '15th FYP Outline',
    title_zh: '《国民经济和社会发展第十五个五年规划纲要》',
    title_en: '15th Five-Year Plan Outline',
    issuer_zh: '全国人民代表大会',
    issuer_en: "National People's Congress",
    date: '2026',
  },
  '《全民健身计划(2016—2020年)》': {
    id: 'fitness-plan-2016',
    short_zh: '全民健身计划2016—2020',
    short_en: 'National fitness program 2016-2020',
    title_zh: '《全民健身计划（2016—2020年）》',
    title_en: 'National Fitness Program (2016-2020)',
    issuer_zh: '国务院',
    issuer_en: 'State Council',
    date: '2016',
  },
  '《全民健身计划(2021—2025年)》': {
    id: 'fitness-plan-2021',
    short_zh: '全民健身计划2021—2025',
    short_en: 'National fitness program 2021-2025',
    title_zh: '《全民健身计划（2021—2025年）》',
    title_en: 'National Fitness Program (2021-2025)',
    issuer_zh: '国务院',
    issuer_en: 'State Council',
    date: '2021',
  },
  '《全民健康素养促进行动规划(2014—2020年)》': {
    id: 'health-literacy-plan-2014',
    short_zh: '健康素养促进行动规划',
    short_en: 'Health literacy plan',
    title_zh: '《全民健康素养促进行动规划（2014—2020年）》',
    title_en: 'National Health Literacy Promotion Action Plan (2014-2020)',
    issuer_zh: '国家卫生计生委',
    issuer_en: 'National Health and Family Planning Commission',
    date: '2014',
  },
  '《“十四五”全民健康信息化规划》': {
    id: 'health-informatization-plan-14th',
    short_zh: '十四五全民健康信息化规划',
    short_en: '14th FYP health informatization plan',
    title_zh: '《“十四五”全民健康信息化规划》',
    title_en: '14th Five-Year Plan for National Health Informatization',
    issuer_zh: '国家卫生健康委等三部门',
    issuer_en: 'National Health Commission and two other departments',
    date: '2022',
  },
  '卫生部“十二五”卫生发展总体目标(2011年全国卫生工作会议)': {
    id: 'moh-goals-12th',
    short_zh: '卫生部十二五总体目标',
    short_en: 'MOH 12th FYP goals',
    title_zh: '卫生部“十二五”卫生发展总体目标（2011年全国卫生工作会议）',
    title_en: 'Ministry of Health 12th FYP health development goals (2011 national health work conference)',
    issuer_zh: '卫生部',
    issuer_en: 'Ministry of Health',
    date: '2011',
  },
};

// Reference indicator names -> catalog ids. Names absent here have no series on the site (indicator: null).
const INDICATORS: Record<string, string> = {
  人均预期寿命: 'life-expectancy',
  人均期望寿命: 'life-expectancy',
  '人均预期寿命(远景)': 'life-expectancy',
  婴儿死亡率: 'infant-mortality',
  '5岁以下儿童死亡率': 'under5-mortality',
  孕产妇死亡率: 'maternal-mortality',
  居民健康素养水平: 'health-literacy',
  重大慢性病过早死亡率: 'premature-ncd-mortality',
  因心脑血管疾病癌症慢性呼吸系统疾病和糖尿病导致的过早死亡: 'premature-ncd-mortality',
  '每千常住人口执业(助理)医师数': 'physicians-per-1000',
  '每千人口执业(助理)医师数': 'physicians-per-1000',
  '每千人口拥有执业(助理)医师数': 'physicians-per-1000',
  每千人口拥有执业医师数: 'physicians-per-1000',
  '每千常住人口注册护士数(正文)': 'nurses-per-1000',
  每千人口注册护士数: 'nurses-per-1000',
  个人卫生支出占卫生总费用的比重: 'oop-share',
  个人卫生支出占卫生总费用的比例: 'oop-share',
  每万人口全科医生数: 'gps-per-10000',
  每万名城乡居民合格全科医生数: 'gps-per-10000',
  家庭医生签约服务覆盖率: 'family-doctor-coverage-pilot',
  重点人群签约服务覆盖率: 'family-doctor-coverage-pilot-priority',
  基本医保参保率: 'medical-insurance-coverage-rate',
  基本医疗保险参保率: 'medical-insurance-coverage-rate',
  城乡医保参保率: 'medical-insurance-coverage-rate',
  三项基本医疗保险参保率: 'medical-insurance-coverage-rate',
  城镇职工和居民基本医疗保险及新农合参保率: 'medical-insurance-coverage-rate',
  城乡居民医保政策范围内住院费用基金支付比例: 'resident-inpatient-fund-payment-ratio',
  每千人口医疗卫生机构床位数: 'beds-per-1000',
  城乡居民规范化电子健康档案建档率: 'standardized-electronic-health-record-rate',
  居民电子健康档案建档率: 'electronic-health-record-rate',
  居民电子化健康档案: 'electronic-health-record-rate',
  居民拥有动态管理的电子健康档案: 'electronic-health-record-rate',
};
const normName = (s: string) => s.replace(/[、，,]/g, '');

// Targets whose definition differs from our series, or whose comparison needs a step we do not take: not drawn,
// with the reason (policy-targets-notes.md §3-5). Keyed by plan id + indicator name + target year.
const NOT_DRAWN: Array<{ match: (plan: string, name: string, year: number) => boolean; zh: string; en: string }> = [
  {
    match: (_p, n) => n === '每千人口拥有执业医师数',
    zh: '目标口径为执业医师，本站序列为执业(助理)医师，二者不可比。',
    en: 'The target counts licensed physicians only; our series includes assistant physicians.',
  },
  {
    match: (_p, n, y) => (n === '家庭医生签约服务覆盖率' || n === '重点人群签约服务覆盖率') && y === 2017,
    zh: '目标为全国签约率，本站序列只覆盖试点城市。',
    en: 'The target is a national contract rate; our series covers the pilot cities only.',
  },
  {
    match: (_p, n) => n === '每千人口医疗卫生机构床位数',
    zh: '最终文本是“达到”还是“控制在”6张未核实，无法判断超过6张算达标还是未达标。',
    en: 'Whether the final text says "reach" or "hold at" 6 beds is unverified, so exceeding 6 cannot be judged.',
  },
  {
    match: (_p, n) => n === '居民电子化健康档案' || n === '居民拥有动态管理的电子健康档案',
    zh: '“每个居民拥有一份电子健康档案”是制度目标，不是建档率达到100%。',
    en: '"Every resident has an electronic health record" is a system goal, not a 100% rate.',
  },
  {
    match: (p, n) => p === 'health-plan-14th' && n === '重大慢性病过早死亡率',
    zh: '规划基期值16.0%与国家卫生健康委发布的2019年约16.5%不符，待核实原文。',
    en: 'The plan baseline of 16.0% conflicts with the NHC figure of about 16.5% for 2019; to be checked against the text.',
  },
  {
    match: (_p, n) => n === '城乡居民医保政策范围内住院费用基金支付比例',
    zh: '本站序列为住院费用基金支付比例，2022年起口径改为目录内，与“政策范围内”措辞不同。',
    en: 'Our series changed wording to "within the list" in 2022, unlike the target\'s "within policy scope".',
  },
];

// Direction of "reach" for '=' targets without a baseline: up for counts, rates and life expectancy, down for
// mortality, spending shares and smoking. With a baseline, the direction is baseline -> target.
const DOWN = /死亡率|个人卫生支出|吸烟率|生长迟缓|近视/;

const UNIT_EN: Record<string, string> = {
  岁: 'years',
  '‰': '‰',
  '1/10万': 'per 100,000',
  '%': '%',
  人: 'persons',
  张: 'beds',
  个: 'places',
  亿人: '100 million persons',
  万亿元: 'trillion yuan',
  平方米: 'm²',
  万人: '10,000 persons',
  '元/人/年': 'yuan per person per year',
  百分点: 'percentage points',
};
const COMPARATOR: Record<string, string> = {
  '=': '=',
  '>': '>',
  '<': '<',
  '≥': '>=',
  '≤': '<=',
  '≈': '~',
  relative: 'relative',
  qualitative: 'qualitative',
};
const WORD_EN: Record<string, string> = { '=': 'reach', '>': 'above', '<': 'below', '>=': 'at least', '<=': 'at most', '~': 'about' };
const VERIFIED: Record<string, string> = { yes: 'verified', partial: 'partial', no: 'unverified' };

/** A quote ≤120 characters: the reference's evidence cut at the last clause break that fits. */
function quote(text: string): string {
  const t = text.trim();
  if (t.length <= 120) return t;
  const head = t.slice(0, 119);
  const cut = Math.max(head.lastIndexOf('；'), head.lastIndexOf('。'), head.lastIndexOf('，'));
  return (cut > 40 ? head.slice(0, cut) : head) + '…';
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

function targets() {
  const rows = read('policy-targets.csv');
  const byPlan = new Map<string, { plan: Plan; targets: Record<string, unknown>[] }>();
  const ids = new Set<string>();
  rows.forEach((r, i) => {
    const plan = PLANS[r.plan_zh];
    if (!plan) throw new Error(`no plan for ${r.plan_zh}`);
    const name = normName(r.indicator_zh);
    const indicator = INDICATORS[name] ?? INDICATORS[r.indicator_zh] ?? null;
    const comparator = COMPARATOR[r.comparator];
    if (!comparator) throw new Error(`row ${i + 2}: comparator ${r.comparator}`);
    const year = Number(r.target_year);
    const value = comparator === 'relative' || comparator === 'qualitative' ? undefined : num(r.target_value);
    const baselineValue = num(r.baseline_value);
    const baseline = r.baseline_year && baselineValue !== undefined ? { year: Number(r.baseline_year), value: baselineValue } : undefined;
    let id = `${plan.id}-${slug(indicator ?? r.indicator_en).slice(0, 40)}-${year}`.replace(/-+/g, '-');
    for (let n = 2; ids.has(id); n++) id = `${plan.id}-${slug(r.indicator_en).slice(0, 40)}-${year}-${n}`;
    ids.add(id);
    const notDrawn = NOT_DRAWN.find((d) => d.match(plan.id, name, year));
    const entry: Record<string, unknown> = {
      id,
      indicator,
      // "(正文)" in the reference marks a target read in the plan's body text rather than its indicator table.
      indicator_zh: r.indicator_zh.replace('(正文)', ''),
      indicator_en: r.indicator_en,
      unit: r.unit,
      ...(baseline ? { baseline } : {}),
      ...(r.baseline_year && !baseline ? { baseline_year: Number(r.baseline_year) } : {}),
      target_year: year,
      comparator,
      ...(value !== undefined ? { value } : {}),
      ...(comparator === '=' && value !== undefined
        ? { direction: baseline ? (value >= baseline.value ? 'up' : 'down') : DOWN.test(r.indicator_zh) ? 'down' : 'up' }
        : {}),
      // 5% of 78.93 years would be ±3.9 years; "提高1岁左右" is about the one-year gain, so half of it.
      ...(comparator === '~' && name === '人均预期寿命'
        ? { tolerance: 0.5, tolerance_reason_zh: '“提高1岁左右”的容差按增幅的一半（±0.5岁）计，而非目标值的5%。' }
        : {}),
      ...(r.relative_target_text ? { relative_zh: r.relative_target_text } : {}),
      ...(r.nature ? { nature: r.nature } : {}),
      verification: VERIFIED[r.verified],
      wording_zh: quote(r.evidence || r.relative_target_text),
      summary_en: `${r.indicator_en}: ${value !== undefined ? `${WORD_EN[comparator]} ${value} ${UNIT_EN[r.unit] ?? r.unit}` : comparator === 'relative' ? 'relative target' : 'qualitative target'} by ${year}${baseline ? ` (baseline ${baseline.value} in ${baseline.year})` : ''}`,
      drawable: !notDrawn && comparator !== 'relative' && comparator !== 'qualitative' && indicator !== null,
      ...(notDrawn ? { not_drawn_reason_zh: notDrawn.zh, not_drawn_reason_en: notDrawn.en } : {}),
      via: [r.source_url, r.second_source_url].filter(Boolean),
      reference: { file: 'policy-targets.csv', line: i + 2, change: r.change },
    };
    const group = byPlan.get(plan.id) ?? { plan, targets: [] };
    group.targets.push(entry);
    byPlan.set(plan.id, group);
  });
  rmSync('data/targets', { recursive: true, force: true });
  mkdirSync('data/targets', { recursive: true });
  for (const [id, group] of byPlan) {
    const { id: _id, ...plan } = group.plan;
    writeFileSync(
      `data/targets/${id}.yaml`,
      `# Generated from ${REF}/policy-targets.csv by scripts/targets/from-reference.ts; edit by hand from here.\n` +
        stringify({ id, ...plan, targets: group.targets }, { lineWidth: 0 }),
    );
  }
  return rows.length;
}

// Reference areas -> src/shared/reform-areas.ts. 'framework' (overall plans, laws) goes to outcomes, because
// those documents set outcome goals (life expectancy, mortality); 'population' (birth policy) goes to outcomes,
// where the birth-rate series lives.
const AREA: Record<string, string> = {
  framework: 'outcomes',
  population: 'outcomes',
  insurance: 'insurance',
  medicines: 'medicines',
  'public-health': 'public-health',
  'public-hospitals': 'public-hospitals',
  'primary-care': 'primary-care',
};

// The indicator series each event bears on, keyed by date + a word of its title (reviewed by hand).
const TOUCHES: Array<[RegExp, string[]]> = [
  [/城镇居民基本医疗保险试点/, ['urban-resident-medical-insurance-participants']],
  [/新型农村合作医疗实现全面覆盖/, ['ncms-participants', 'ncms-participation-rate']],
  [/深化医药卫生体制改革的意见/, ['medical-insurance-coverage-rate', 'oop-share', 'life-expectancy']],
  [/近期重点实施方案/, ['medical-insurance-coverage-rate', 'oop-share', 'basic-public-health-subsidy']],
  [/基本公共卫生服务项目启动/, ['basic-public-health-subsidy', 'health-record-rate']],
  [/公立医院改革试点/, ['outpatient-cost-per-visit', 'inpatient-cost-per-stay']],
  [/“十二五”期间深化/, ['oop-share', 'medical-insurance-coverage-rate']],
  [/大病保险/, ['resident-inpatient-fund-payment-ratio', 'ncms-inpatient-reimbursement-ratio']],
  [/二孩|三孩|育儿补贴/, ['birth-rate', 'natural-growth-rate']],
  [/分级诊疗|医疗联合体/, ['primary-care-visit-share', 'primary-care-visits']],
  [/整合城乡居民基本医疗保险/, ['resident-medical-insurance-participants', 'ncms-participants']],
  [/家庭医生/, ['family-doctor-coverage-pilot', 'family-doctor-coverage-pilot-priority']],
  [
    /健康中国2030/,
    ['life-expectancy', 'infant-mortality', 'under5-mortality', 'maternal-mortality', 'health-literacy', 'oop-share', 'physicians-per-1000'],
  ],
  [/“十三五”深化/, ['oop-share', 'medical-insurance-coverage-rate', 'gps-per-10000']],
  [/谈判|抗癌药/, ['nrdl-negotiation-drugs-added', 'nrdl-negotiation-price-cut']],
  [/取消药品加成/, ['outpatient-cost-per-visit', 'inpatient-cost-per-stay']],
  [/国家医疗保障局挂牌/, ['medical-insurance-fund-expenditure']],
  [/集中采购|集采/, ['vbp-cumulative-drugs']],
  [/DRG/, ['inpatient-cost-per-stay', 'average-length-of-stay']],
  [/健康中国行动/, ['health-literacy', 'premature-ncd-mortality']],
  [/深化医疗保障制度改革/, ['medical-insurance-coverage-rate']],
  [/医疗保障基金使用监督/, ['medical-insurance-fund-expenditure']],
  [/门诊共济/, ['employee-medical-insurance-participants', 'medical-insurance-pooled-fund-balance']],
  [/“十四五”全民医疗保障规划/, ['medical-insurance-coverage-rate', 'resident-inpatient-fund-payment-ratio']],
  [/“十四五”国民健康规划/, ['life-expectancy', 'maternal-mortality', 'infant-mortality', 'under5-mortality']],
  [/乙类乙管|乙类传染病/, ['total-visits']],
];

// Marker labels written by hand where the rule below would cut a name mid-word.
const LABELS: Record<string, [string, string]> = {
  '2009-04-07': ['2009—2011年医改实施方案', '2009-2011 reform plan'],
  '2017-07': ['2017年医保目录谈判', '2017 reimbursement negotiation'],
  '2018-12-07': ['“4+7”集采', '"4+7" volume-based procurement'],
  '2019-12-28': ['基本医疗卫生与健康促进法', 'Basic Health Care Law'],
  '2020-01-20': ['新冠肺炎纳入乙类甲管', 'COVID-19 Class B, Class A measures'],
  '2021-11-26': ['DRG/DIP三年行动计划', 'DRG/DIP three-year plan'],
  '2025-10-28': ['第十一批国家集采', 'Eleventh procurement batch'],
};

/** A short marker label: the document's own name without 关于/意见 wrappers, or the title up to its first pause. */
function labelZh(title: string): string {
  const book = title.match(/《([^》]+)》/)?.[1];
  let s = book ?? title.split(/[：（，]/)[0] ?? title;
  s = s.replace(/^(中共中央 国务院关于|国务院办公厅关于|国务院关于|关于)/, '').replace(/(的指导意见|的意见|指导意见)$/, '');
  s = s
    .replace(/[“”]/g, '')
    .replace('国家组织药品集中采购', '国家集采')
    .replace('期间深化医药卫生体制改革规划暨实施方案', '医改规划')
    .replace('深化医药卫生体制改革规划', '医改规划');
  return s.length > 16 ? s.slice(0, 15) + '…' : s;
}
function labelEn(title: string): string {
  const words = title.replace(/^(State Council|General Office of the State Council|CPC Central Committee & State Council|NHSA|NHC) /, '').split(' ');
  let out = '';
  for (const w of words) {
    if ((out + ' ' + w).trim().length > 36) return out.trim() + '…';
    out += ' ' + w;
  }
  return out.trim();
}

function events() {
  const rows = read('reform-timeline.csv');
  const byYear = new Map<number, object[]>();
  const ids = new Set<string>();
  rows.forEach((r, i) => {
    const year = Number(r.date.slice(0, 4));
    const area = AREA[r.area];
    if (!area) throw new Error(`row ${i + 2}: area ${r.area}`);
    let id = `${r.date}-${slug(r.title_en).split('-').slice(0, 5).join('-')}`;
    for (let n = 2; ids.has(id); n++) id = `${r.date}-${slug(r.title_en).split('-').slice(0, 5).join('-')}-${n}`;
    ids.add(id);
    const touches = TOUCHES.find(([re]) => re.test(r.title_zh))?.[1] ?? [];
    const list = byYear.get(year) ?? [];
    list.push({
      id,
      date: r.date,
      precision: r.precision,
      title_zh: r.title_zh,
      title_en: r.title_en,
      // Two events share 2021-11-26: only the DRG/DIP plan (a guideline title) takes the hand-written label.
      label_zh: (r.kind === 'plan' || r.date !== '2021-11-26' ? LABELS[r.date]?.[0] : undefined) ?? labelZh(r.title_zh),
      label_en: (r.kind === 'plan' || r.date !== '2021-11-26' ? LABELS[r.date]?.[1] : undefined) ?? labelEn(r.title_en),
      ...(r.doc_number ? { doc_number: r.doc_number } : {}),
      issuer_zh: r.issuer,
      area,
      reference_area: r.area,
      kind: r.kind,
      summary_zh: r.summary_zh,
      ...(SUMMARY_EN[i + 2] ? { summary_en: SUMMARY_EN[i + 2] } : {}),
      ...(r.figures ? { figures_zh: r.figures } : {}),
      indicators: touches,
      verification: VERIFIED[r.verified],
      source: { publisher_zh: r.issuer, title_zh: r.title_zh.match(/《[^》]+》/)?.[0] ?? r.title_zh },
      via: [r.source_url, r.second_source_url].filter(Boolean),
      ...(r.note ? { note_zh: r.note } : {}),
      reference: { file: 'reform-timeline.csv', line: i + 2 },
    });
    byYear.set(year, list);
  });
  rmSync('data/events', { recursive: true, force: true });
  mkdirSync('data/events', { recursive: true });
  for (const [year, list] of byYear) {
    writeFileSync(
      `data/events/${year}.yaml`,
      `# Generated from ${REF}/reform-timeline.csv by scripts/targets/from-reference.ts; edit by hand from here.\n` +
        stringify({ year, events: list }, { lineWidth: 0 }),
    );
  }
  return rows.length;
}

console.log(`targets: ${targets()}, events: ${events()}`);
