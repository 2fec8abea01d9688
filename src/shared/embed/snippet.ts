// The code a reader pastes into a web page: our iframe (titled, lazy, full width, a height that fits the whole
// chart without script) and, optionally, the loader that lets the height follow the chart. Used by the embed
// box on the page, in the browser, and by oEmbed at build time.
import { escapeXml } from '../format/markup.ts';

export const EMBED_FRAME_ATTRIBUTE = 'data-yigai-embed';
/** Widest embed content: the 720 px chart plus the page's padding. */
export const EMBED_MAX_WIDTH = 744;

export interface SnippetInput {
  src: string;
  title: string;
  /** Fixed height that shows the whole chart when the loader is absent. */
  height: number;
  /** The loader's address, or null for the iframe alone. */
  loader: string | null;
}

export function embedSnippet({ src, title, height, loader }: SnippetInput): string {
  const frame = `<iframe src="${escapeXml(src)}" title="${escapeXml(title)}" loading="lazy" style="width:100%;max-width:${EMBED_MAX_WIDTH}px;height:${height}px;border:0" ${EMBED_FRAME_ATTRIBUTE}></iframe>`;
  return loader ? `${frame}\n<script src="${escapeXml(loader)}" async></script>` : frame;
}
