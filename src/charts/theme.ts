// Chart colours beyond the default light theme: the palette for several regions on one line chart, and the dark
// theme as CSS that repaints the build-time SVG by its colour attributes (CSS beats presentation attributes),
// so a dark embed needs no second rendering and no script beyond setting data-theme.
import { chartColors } from '../shared/charts/colors.ts';
import { TARGET_COLOR } from '../shared/charts/line-marks.ts';

export const lightPage = { background: '#ffffff', text: chartColors.text, muted: '#555555', link: '#0b57a4', line: '#d6d9de' };
export const darkPage = { background: '#16191d', text: '#e8e8e8', muted: '#b4b9c0', link: '#8ab4f8', line: '#3a4048' };

/** Light colour as drawn -> its dark-theme replacement. */
export const darkColors: Record<string, string> = {
  [chartColors.line]: '#7cb3ea',
  [chartColors.tentativeBar]: '#34506e',
  [chartColors.national]: '#ff8a80',
  [chartColors.break]: '#a8adb3',
  [chartColors.text]: darkPage.text,
  white: darkPage.background,
  '#c2570c': '#f59e4c',
  '#1b7f5f': '#4fc3a1',
  '#6a5acd': '#aaa2f0',
  '#c0307a': '#f27ab8',
  '#4d7a12': '#9ccf5a',
  '#0e7490': '#5cc6db',
  [TARGET_COLOR]: '#f0b45a',
};

function pageRules(scope: string, page: typeof lightPage): string {
  return `${scope}{color-scheme:${page === darkPage ? 'dark' : 'light'};--bg:${page.background};--text:${page.text};--muted:${page.muted};--link:${page.link};--line:${page.line}}`;
}

function darkRules(scope: string): string {
  const paint = Object.entries(darkColors).map(
    ([light, dark]) => `${scope} [fill="${light}"]{fill:${dark}}${scope} [stroke="${light}"]{stroke:${dark}}`,
  );
  // Plot sets the text colour inline on the <svg>: only !important overrides an inline style.
  return pageRules(scope, darkPage) + `${scope} svg{color:${darkPage.text}!important}` + paint.join('');
}

/** Theme CSS for a page whose <html> carries data-theme="light" | "dark" | "auto". */
export function themeCss(): string {
  const dark = ':root[data-theme="dark"]';
  const auto = ':root[data-theme="auto"]';
  return `${pageRules(':root', lightPage)}${darkRules(dark)}@media (prefers-color-scheme:dark){${darkRules(auto)}}`;
}
