// The charts' colours, in a module with no imports: build-time charts, pictures and the browser's comparison
// chart all draw with them (the dark theme in theme.ts maps each one to its dark twin).
export const chartColors = {
  line: '#1d5a96',
  tentativeBar: '#a9c4e0',
  national: '#b3261e',
  break: '#5c5c5c',
  text: '#1f1f1f',
};

/**
 * One colour per region on a line chart, in the order the reader chose them; the first (the site's blue) is
 * the nation's. Seven: the nation and up to six provinces, each its own colour.
 */
export const seriesPalette = [chartColors.line, '#c2570c', '#1b7f5f', '#6a5acd', '#c0307a', '#4d7a12', '#0e7490'];

/** The page's CJK font stack, also set on every chart so a saved SVG renders Chinese on its own. */
export const CHART_FONT = '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",system-ui,sans-serif';
