// The postMessage protocol between a host page (our loader, embed.js) and an embed page: the loader says hello,
// the embed page answers with its height and keeps sending it when it changes. Both sides check every message.
export const HELLO = 'yigai-embed:hello';
export const HEIGHT = 'yigai-embed:height';
export const PROTOCOL_VERSION = 1;
/** Taller than any chart we draw; a larger number is a forged or broken message. */
export const MAX_HEIGHT = 20000;

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
    data.height > 0 &&
    data.height <= MAX_HEIGHT
  );
}

export const helloMessage = (): HelloMessage => ({ type: HELLO, version: PROTOCOL_VERSION });
export const heightMessage = (height: number): HeightMessage => ({ type: HEIGHT, version: PROTOCOL_VERSION, height: Math.ceil(height) });
