// Words readers type for an indicator whose official name says it otherwise (医生 for 执业(助理)医师, 医保 for
// 基本医疗保险, 看病贵 for the cost indicators). Search keys only, never shown. An indicator listed under a word
// ranks after names that start with the query and before names that merely contain it, so the official name a
// reader meant comes first (tests/unit/search.test.ts holds the queries).
export const SEARCH_SYNONYMS: Record<string, string[]> = {
  'physicians-per-1000': ['医生', '大夫', '医师', '医生数', 'doctor', 'doctors'],
  'nurses-per-1000': ['护士', '护理', 'nurse', 'nurses'],
  'beds-per-1000': ['床位', '病床', 'beds'],
  'bed-occupancy-rate': ['病床', '床位'],
  'medical-insurance-coverage-rate': ['医保', '医疗保险', '参保', 'insurance', 'health insurance', 'coverage'],
  'basic-medical-insurance-participants': ['医保', '医疗保险', '参保', 'insured', 'enrolment', 'enrollment'],
  'outpatient-cost-per-visit': ['看病贵', '看病花钱', '医疗费用', '看病费用', '门诊费', 'cost', 'costs'],
  'inpatient-cost-per-stay': ['看病贵', '看病花钱', '医疗费用', '住院费', 'cost', 'costs'],
  'oop-share': ['看病贵', '自付', '个人负担', '自掏腰包', 'out of pocket', 'self-pay', 'patients pay'],
  'birth-rate': ['出生', '生育', '出生人口', '生孩子', 'births', 'fertility'],
  'life-expectancy': ['寿命', '预期寿命', '人均寿命', 'lifespan', 'longevity'],
  'ncms-participants': ['新农合'],
  'ncms-participation-rate': ['新农合'],
  'ncms-inpatient-reimbursement-ratio': ['报销', '报销比例'],
  'employee-inpatient-fund-payment-ratio': ['报销', '报销比例'],
  'resident-inpatient-fund-payment-ratio': ['报销', '报销比例'],
  'nrdl-negotiation-price-cut': ['药价', '降价', '药品价格', 'drug prices', 'drug price', 'medicine prices'],
  'vbp-cumulative-drugs': ['集采', '带量采购', '药品集采', 'vbp', 'bulk purchasing'],
  'gps-per-10000': ['全科', 'gp', 'gps'],
  'under5-mortality': ['儿童死亡', '孩子死亡', 'child mortality', 'child deaths'],
  'total-visits': ['看病人次', '就诊', 'visits', 'outpatient visits'],
  // English words readers type (the English edition's search, tests/unit/search.test.ts).
  'health-expenditure': ['health spending', 'spending on health'],
  'infant-mortality': ['infant deaths', 'baby deaths'],
  'primary-care-visit-share': ['分级诊疗', 'tiered care', 'hierarchical medical system'],
  'average-length-of-stay': ['住院天数', 'hospital stay'],
};
