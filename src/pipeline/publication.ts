// The shape of what the data pipeline publishes to build/data/ and the site reads. Pages never read raw files.
import type { Comparator, IndicatorSpec, SourceSpec, Status } from '../catalog/schema.ts';
import type { FileReport } from './types.ts';

export interface PublishedValue {
  regionCode: string;
  region: string;
  year: number;
  value: number;
  /** Decimals as written in the source (77.3 has 1, 77.93 has 2): formatting never adds false precision. */
  decimals: number;
  status: Status;
  /** Source id: a key of PublishedSeries.sources. */
  source: string;
  /** The input file (relative to the repository) and the line the value was read from. */
  sourceFile: string;
  sourceLine: number;
  note?: string;
  /** The note in English: required in the bundled data whenever the note has Chinese in it (validate.ts). */
  note_en?: string;
  /** Set when the publisher gives a bound or a level, not a figure: '>=' 95 is "95%以上", never 95%. */
  comparator?: Comparator;
}

export interface PublishedSeries {
  indicator: IndicatorSpec;
  /** Values in force, sorted by region code then year. National rows have regionCode 100000. */
  values: PublishedValue[];
  /** Earlier releases of the same figures (status `superseded`), kept so revisions stay visible. */
  earlierReleases: PublishedValue[];
  sources: Record<string, SourceSpec>;
}

export interface PublishedCatalogEntry {
  indicator: IndicatorSpec;
  latest?: PublishedValue;
  previous?: PublishedValue;
  hasProvincial: boolean;
  nationalYears: [number, number] | null;
}

export interface PublishedReport {
  generatedFrom: string[];
  files: FileReport[];
  totals: {
    files: number;
    dataCells: number;
    valuesWritten: number;
    cellsEmpty: number;
    cellsRejected: number;
    published: number;
    earlierReleases: number;
  };
}

/**
 * build/data/ layout, shared by the pipeline (writer) and the site (reader). YIGAI_PUBLISHED_DIR puts it
 * elsewhere (the bench builds synthetic catalogs side by side); a relative path is from the project root.
 */
export const PUBLISHED_DIR = (typeof process === 'undefined' ? undefined : process.env.YIGAI_PUBLISHED_DIR) || 'build/data';
export const publishedPaths = {
  catalog: 'catalog.json',
  report: 'report.json',
  series: (id: string) => `series/${id}.json`,
  release: 'release.json',
  /** English names of the regions by code (data/regions.csv), for the English edition. */
  regionNamesEn: 'region-names-en.json',
  /** Researchers' files, served under /data/ byte for byte, and their index for the downloads page. */
  download: (file: string) => `downloads/${file}`,
  downloadsIndex: 'downloads.json',
  csv: (id: string) => `downloads/${id}.csv`,
};
