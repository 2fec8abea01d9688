// The report-ready picture of a chart view: its widest chart (with the page's target and event marks) framed by its
// own title, unit, legend, key to the events and source (naming the plans the targets come from),
// and the indicator page's address (absolute when the site's origin is configured), in the view's language. Files,
// share tags and the sizes the page shows all call it the same way, so they describe the same picture.
import { composePicture, type Picture } from '../charts/picture.ts';
import { wordsFor } from '../shared/i18n/lang.ts';
import type { Words } from '../shared/i18n/zh.ts';
import { absoluteUrl, siteOrigin, sitePaths } from '../site.ts';
import { PICTURE_CHART_WIDTH, type ChartView } from './views.ts';

export function viewPicture(view: ChartView, words: Words = wordsFor(view.lang), origin: string | undefined = siteOrigin()): Picture {
  return composePicture({
    lang: view.lang,
    title: view.title,
    subtitle: view.subtitle,
    chart: view.render(PICTURE_CHART_WIDTH, `picture-${view.kind}`),
    legend: view.legend,
    ...(view.eventKey.length ? { eventKey: { heading: words.figure.eventsHeading, items: view.eventKey } } : {}),
    sourceLine: view.sourceLine,
    // Without a configured address a bare path would be useless in a report: the site name alone, then.
    siteLine: origin ? words.embed.siteLine(absoluteUrl(sitePaths.indicator(view.indicator.id, view.lang), origin)) : words.siteName,
  });
}
