// What an indicator page tells sharing sites and oEmbed consumers: its first chart view's picture (PNG size and
// alt text), its own address and its oEmbed file.
import { PNG_SCALE } from '../charts/picture.ts';
import { sitePaths } from '../site.ts';
import { viewPicture } from './pictures.ts';
import { allChartViews, type ChartView } from './views.ts';

export interface ShareMeta {
  title: string;
  description: string;
  /** Root-relative path of the page itself. */
  page: string;
  image: { path: string; width: number; height: number; alt: string };
  /** Root-relative path of the page's oEmbed JSON. */
  oembed: string;
}

export function indicatorViews(id: string): ChartView[] {
  return allChartViews()
    .filter((v) => v.id === id)
    .map((v) => v.view);
}

export function shareTags(id: string, title: string, description: string): ShareMeta | undefined {
  const view = indicatorViews(id)[0];
  if (!view) return undefined;
  const picture = viewPicture(view);
  return {
    title,
    description,
    page: sitePaths.indicator(id),
    image: {
      path: sitePaths.picture(id, view.kind, 'png'),
      width: picture.width * PNG_SCALE,
      height: picture.height * PNG_SCALE,
      alt: `${view.title}。${view.description}`,
    },
    oembed: sitePaths.oembed(id),
  };
}
