// The loader a host page may include beside our iframe (served as /embed.js): it greets each of our embed frames
// and sets the frame's height to what the frame reports. It trusts only our origin, only the frame's own
// window, and only messages of the exact shape; anything else is ignored.
import { frameHeight, helloMessage, isHeightMessage } from '../../shared/embed/messages.ts';

const FRAME_SELECTOR = 'iframe[data-yigai-embed]';

function originOf(url: string): string | null {
  try {
    return new URL(url, location.href).origin;
  } catch {
    return null;
  }
}

function start(ourOrigin: string): () => void {
  const frames = () => Array.from(document.querySelectorAll<HTMLIFrameElement>(FRAME_SELECTOR)).filter((f) => originOf(f.src) === ourOrigin);
  const greet = (frame: HTMLIFrameElement) => frame.contentWindow?.postMessage(helloMessage(), ourOrigin);

  window.addEventListener('message', (event) => {
    if (event.origin !== ourOrigin || !isHeightMessage(event.data)) return;
    const frame = frames().find((f) => f.contentWindow === event.source);
    if (!frame) return;
    // The message gives the content height. Under border-box sizing the host page's borders around the frame
    // are part of the height we set, so they come on top; under content-box they are outside it already.
    const borderBox = getComputedStyle(frame).boxSizing === 'border-box';
    const border = borderBox ? frame.offsetHeight - frame.clientHeight : 0;
    frame.style.height = `${frameHeight(event.data) + border}px`;
  });

  const greetAll = () => {
    for (const frame of frames()) {
      if (!frame.dataset.yigaiGreeted) {
        frame.dataset.yigaiGreeted = '1';
        // A frame that loads later (lazy, or a new address) is greeted again once its page is there.
        frame.addEventListener('load', () => greet(frame));
      }
      greet(frame); // reaches a frame that has already loaded; an unloaded one drops it (origin differs)
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', greetAll);
  else greetAll();
  window.addEventListener('load', greetAll);
  return greetAll;
}

// Pages often paste the snippet once per chart: the first copy listens; a copy that runs later (a frame and its
// snippet added by the host page's script after load) only greets the frames that are new.
const script = document.currentScript as HTMLScriptElement | null;
const flagged = window as unknown as { yigaiEmbedLoader?: () => void };
const origin = script ? originOf(script.src) : null;
if (origin) {
  if (flagged.yigaiEmbedLoader) flagged.yigaiEmbedLoader();
  else flagged.yigaiEmbedLoader = start(origin);
}
