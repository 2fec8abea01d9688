// The data an embed page carries for its script (in <script type="application/json" id="embed-data">): what the
// view offers, the words its templates need, and for line charts the values to redraw with.
import type { EmbedOffer, MarkLayer } from './options.ts';
import type { LineChartSpec } from '../charts/embed-line.ts';

export interface EmbedPageData {
  view: 'line' | 'ranking';
  /** Indicator name, for titles. */
  name: string;
  lang: string;
  /** Embed page of this view in each edition (zh, en): ?lang= moves there. */
  langPages: Record<string, string>;
  offer: EmbedOffer;
  /** The mark layers this page was built without (its /hide-…/ path). */
  hidden: MarkLayer[];
  regionNames: Record<string, string>;
  /** Templates from the words file; {name}, {regions}, {years}, {from}, {to} are filled in by the script. */
  words: {
    regionsTitle: string;
    highlightNote: string;
    customDescription: string;
    yearRange: string;
    subtitle: string;
    listSeparator: string;
    focusHint: string;
  };
  line?: LineChartSpec;
  /** Source line for a line chart that includes provinces, as HTML escaped at build time (Chinese titles marked). */
  sourceLineAll?: string;
}

export const EMBED_DATA_ID = 'embed-data';
