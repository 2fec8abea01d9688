// The one gap rule of every line chart. Import-free, so the embed page's small script can load it alone.

/**
 * The one gap rule of every line chart (national, region, comparison, embed, picture, sparkline): a line joins
 * two observations only in consecutive years with no series break between them. A missing year leaves a gap
 * and a break starts a new run, so a series looks the same wherever it is drawn; every observation is marked
 * with its own dot, so a year alone between gaps still shows. Returns the run number of each year (sorted).
 */
export function lineRuns(years: readonly number[], breakYears: readonly number[]): number[] {
  let run = 0;
  return years.map((year, i) => {
    const prev = years[i - 1];
    if (prev !== undefined && (year !== prev + 1 || breakYears.some((b) => prev < b && b <= year))) run++;
    return run;
  });
}
