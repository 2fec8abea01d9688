// Reform areas used to group indicators. The first five are the pillars of the 2009 reform plan
// (《关于深化医药卫生体制改革的意见》); resources, spending and outcomes are added because most open national
// series measure those rather than a single pillar, and a reader asks "how much, how well" across pillars.
// The order is the home page's story: who is insured, what care costs households, primary care, hospitals,
// medicines, public health, then the resources and the outcomes; each area opens with its headline (order 1).
export const REFORM_AREAS = [
  { id: 'insurance', zh: '医疗保障', en: 'Health insurance' },
  { id: 'spending', zh: '卫生费用', en: 'Health spending' },
  { id: 'primary-care', zh: '基层医疗卫生', en: 'Primary care' },
  { id: 'public-hospitals', zh: '公立医院', en: 'Public hospitals' },
  { id: 'medicines', zh: '药品供应保障', en: 'Medicines supply' },
  { id: 'public-health', zh: '公共卫生与妇幼健康', en: 'Public health, maternal and child health' },
  { id: 'resources', zh: '医疗卫生资源', en: 'Health resources' },
  { id: 'outcomes', zh: '人口与健康结果', en: 'Population and health outcomes' },
] as const;

export type ReformAreaId = (typeof REFORM_AREAS)[number]['id'];
export const REFORM_AREA_IDS = REFORM_AREAS.map((a) => a.id) as [ReformAreaId, ...ReformAreaId[]];
