// Which (indicator, region, year) values a file has already given, to reject a second one as a duplicate.
// Memory grows with the number of series, not of values: each series has one bit per year in a shared pool.
const FIRST_YEAR = 1900;
const YEAR_BITS = 256; // 1900–2155; other years (a --year typed by hand) go to a plain set
const WORDS = YEAR_BITS / 32;

export class SeriesIndex {
  private readonly ids = new Map<string, number>();
  // Room for 64 series to begin with (a provincial export has 31-35): thousands of small files each have one.
  private years = new Uint32Array(WORDS * 64);
  private readonly otherYears = new Set<string>();
  // The last series asked for: rows of one series usually come together, and this skips building a key.
  private lastIndicator = '';
  private lastRegion = '';
  private lastRelease = '';
  private lastId = -1;

  /** Id of a series (0, 1, … in order of first appearance). `release` separates earlier releases. */
  id(indicator: string, regionCode: string, release = ''): number {
    if (indicator === this.lastIndicator && regionCode === this.lastRegion && release === this.lastRelease && this.lastId >= 0) return this.lastId;
    const key = release === '' ? `${indicator}\u0000${regionCode}` : `${indicator}\u0000${regionCode}\u0000${release}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    this.lastIndicator = indicator;
    this.lastRegion = regionCode;
    this.lastRelease = release;
    this.lastId = id;
    return id;
  }

  /** Records that series `id` has a value for `year`; false when it already had one. */
  add(id: number, year: number): boolean {
    const bit = year - FIRST_YEAR;
    if (!Number.isInteger(bit) || bit < 0 || bit >= YEAR_BITS) {
      const key = `${id}/${year}`;
      if (this.otherYears.has(key)) return false;
      this.otherYears.add(key);
      return true;
    }
    const word = id * WORDS + (bit >>> 5);
    if (word >= this.years.length) {
      const next = new Uint32Array(Math.max(this.years.length * 2, word + WORDS));
      next.set(this.years);
      this.years = next;
    }
    const mask = 1 << (bit & 31);
    if (this.years[word]! & mask) return false;
    this.years[word] = this.years[word]! | mask;
    return true;
  }
}
