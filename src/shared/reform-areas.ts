// Reform areas used to group indicators. The first five are the pillars of the 2009 reform plan
// (《关于深化医药卫生体制改革的意见》); resources, spending and outcomes are added because most open national
// series measure those rather than a single pillar, and a reader asks "how much, how well" across pillars.
export const REFORM_AREAS = [
  { id: 'insurance', zh: '医疗保障', en: 'Health insurance' },
  { id: 'medicines', zh: '药品供应保障', en: 'Medicines supply' },
  { id: 'primary-care', zh: '基层医疗卫生', en: 'Primary care' },
  { id: 'public-health', zh: '公共卫生与妇幼健康', en: 'Public health, maternal and child health' },
  { id: 'public-hospitals', zh: '公立医院', en: 'Public hospitals' },
  { id: 'resources', zh: '医疗卫生资源', en: 'Health resources' },
  { id: 'spending', zh: '卫生费用', en: 'Health spending' },
  { id: 'outcomes', zh: '人口与健康结果', en: 'Population and health outcomes' },
] as const;

export type ReformAreaId = (typeof REFORM_AREAS)[number]['id'];
export const REFORM_AREA_IDS = REFORM_AREAS.map((a) => a.id) as [ReformAreaId, ...ReformAreaId[]];
