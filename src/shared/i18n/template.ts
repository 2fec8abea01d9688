// Words that browser scripts complete (a count, a list of regions) travel as templates with {names}: the page
// writes them from zh.ts at build time, so scripts never import the whole dictionary.

/** '{name}：{regions}' with { name: '人口出生率', regions: '全国、北京' } -> '人口出生率：全国、北京' */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}
