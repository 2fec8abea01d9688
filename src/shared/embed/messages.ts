// The postMessage protocol between a host page (our loader, embed.js) and an embed page: the loader says hello,
// the embed page answers with its height and keeps sending it when it changes. Both sides check every message.
export const HELLO = 'yigai-embed:hello';
export const HEIGHT = 'yigai-embed:height';
export const PROTOCOL_VERSION = 1;
/** Taller than any chart we draw; a larger number (or one under a pixel) is a forged or broken message. */
export const MAX_HEIGHT = 20000;
/**
 * The range a frame's height is kept in, whatever a valid message says: a page that reports a sliver (a layout
 * caught mid-load, a forged 1 px) must not collapse the frame to nothing, nor one that reports 20,000 px stretch the
 * host page. Our tallest view, the ranking of 31 provinces at 300 px wide, is about 1,000 px.
 */
export const MIN_FRAME_HEIGHT = 120;
export const MAX_FRAME_HEIGHT = 4000;

export interface HelloMessage {
  type: typeof HELLO;
  version: typeof PROTOCOL_VERSION;
}

export interface HeightMessage {
  type: typeof HEIGHT;
  version: typeof PROTOCOL_VERSION;
  height: number;
}

/** A plain object with exactly these keys: anything else (arrays, extra fields, strings) is not ours. */
function hasExactly(data: unknown, keys: string[]): data is Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const own = Object.keys(data);
  return own.length === keys.length && keys.every((k) => own.includes(k));
}

export function isHelloMessage(data: unknown): data is HelloMessage {
  return hasExactly(data, ['type', 'version']) && data.type === HELLO && data.version === PROTOCOL_VERSION;
}

export function isHeightMessage(data: unknown): data is HeightMessage {
  return (
    hasExactly(data, ['type', 'version', 'height']) &&
    data.type === HEIGHT &&
    data.version === PROTOCOL_VERSION &&
    typeof data.height === 'number' &&
    Number.isFinite(data.height) &&
    data.height >= 1 &&
    data.height <= MAX_HEIGHT
  );
}

export const helloMessage = (): HelloMessage => ({ type: HELLO, version: PROTOCOL_VERSION });
export const heightMessage = (height: number): HeightMessage => ({ type: HEIGHT, version: PROTOCOL_VERSION, height: Math.ceil(height) });

/** The height to give the frame for a message isHeightMessage accepted: whole pixels within the frame range. */
export function frameHeight(message: HeightMessage): number {
  return Math.min(MAX_FRAME_HEIGHT, Math.max(MIN_FRAME_HEIGHT, Math.ceil(message.height)));
}
