// The indicator's values for the browser, fetched once from /explore/<id>.json and shaped as the shared
// formatters expect them (region, year, value, decimals, status, source).
import type { ExploreData } from '../../explore/data.ts';
import type { ProvincialValue } from '../../shared/explore/provincial-html.ts';
import { NATIONAL_CODE } from '../../shared/national-code.ts';
import { regionSeries } from '../../shared/charts/compare-chart.ts';

export { regionSeries };

const requests = new Map<string, Promise<ExploreData>>();

export function loadData(url: string): Promise<ExploreData> {
  if (!requests.has(url)) {
    const request = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json() as Promise<ExploreData>;
    });
    request.catch(() => requests.delete(url)); // a later attempt may succeed
    requests.set(url, request);
  }
  return requests.get(url)!;
}

export function valuesOfYear(data: ExploreData, year: number): { provinces: ProvincialValue[]; national?: ProvincialValue } {
  const provinces = Object.keys(data.values)
    .filter((code) => code !== NATIONAL_CODE)
    .flatMap((code) => regionSeries(data, code).filter((v) => v.year === year))
    .sort((a, b) => b.value - a.value || a.regionCode.localeCompare(b.regionCode));
  return { provinces, national: regionSeries(data, NATIONAL_CODE).find((v) => v.year === year) };
}
