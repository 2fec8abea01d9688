// What a workbook's number cell says. The file stores a number (a double) and a number format that displays it;
// the two can disagree. The number stored is the value, to Excel's own precision (15 significant digits: the
// digits past them are the double's binary noise, never typed by anyone), and the display is used only when it
// shows that same number (5.30 keeps its trailing zero). A display that merely rounds (6.0912 shown 6.09, or
// SheetJS's General format cutting 19980.3934226845 to 19980.39342) gives way to the number stored. A display
// that means something else (12% for 0.12, a date for 45000, 1.2 for 1234567 under 0.0,, a minus sign dropped,
// nothing at all under ;;;) leaves it unknown which was published: that value is rejected, naming both.
import { readValueCell } from './numbers.ts';

/** A number cell's text for the table readers, and why its value is rejected, when it is. */
export interface NumberCellText {
  /** The text the readers see: the display when it shows the number stored, else the number stored. */
  text: string;
  /** Set when the display changes the number: the value is rejected with this message, its place kept. */
  refusal?: string;
}

/** `stored`: the cell's number; `shown`: its displayed text (trimmed), if any; `format`: its number format. */
export function numberCellText(stored: number, shown: string | undefined, format: string | undefined): NumberCellText {
  // Number(toPrecision(15)): 0.30000000000000004, a formula's 0.1+0.2, is the 0.3 Excel shows and holds.
  const value = Number(stored.toPrecision(15));
  const storedText = String(value);
  if (shown === undefined) return { text: storedText };
  const display = displayedNumber(shown);
  if (display && (display.value === value || display.value === stored)) return { text: shown };
  if (display && Math.abs(stored - display.value) <= display.half * (1 + 1e-9)) return { text: storedText };
  const how = format === undefined || format === '' ? '' : `（数字格式「${format}」）`;
  return {
    // A display that is empty (hidden by ;;;) must still count as a non-empty cell wherever it is counted.
    text: shown === '' ? storedText : shown,
    refusal: `单元格显示「${shown}」，存储的数值却是 ${storedText}${how}：显示不是这个数的四舍五入（百分比、日期、缩放、隐藏或去掉负号），不知发布的是哪一个；未写出（格式改为「常规」后可读取）`,
  };
}

/** The displayed text read as a number, and half the place of its last digit (6.09: 0.005; 1.23E+07: 5000). */
function displayedNumber(shown: string): { value: number; half: number } | undefined {
  const cell = readValueCell(shown);
  if (cell.kind !== 'number') return undefined;
  const [, fraction = '', exponent = '0'] = /(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(shown)!;
  return { value: cell.value, half: 0.5 * 10 ** (Number(exponent) - fraction.length) };
}
