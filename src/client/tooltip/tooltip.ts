// Tooltips over the charts drawn at build time. Hover shows the nearest point;
// a focused chart shows its latest point, arrow keys step through points, Escape hides. No library.
const POINTS = '.tip-points > *';

interface Point {
  el: Element;
  rect: DOMRect;
}

function setupChart(frame: HTMLElement): void {
  const tip = frame.querySelector<HTMLElement>('.chart-tip');
  const live = frame.querySelector<HTMLElement>('[data-chart-live]');
  if (!tip) return;
  const alongX = frame.dataset.axis !== 'y';
  let index = -1;
  let active: Element | null = null;

  // With script on, our tooltip replaces the native <title> one (kept in the markup for readers without JS).
  for (const el of frame.querySelectorAll(POINTS)) {
    const title = el.querySelector('title');
    if (title) {
      el.setAttribute('data-tip', title.textContent ?? '');
      title.remove();
    }
  }

  // Only the rendering currently displayed (wide or narrow) counts.
  const points = (): Point[] => {
    const svg = Array.from(frame.querySelectorAll('svg')).find((s) => s.getClientRects().length > 0);
    if (!svg) return [];
    const list = Array.from(svg.querySelectorAll(POINTS), (el) => ({ el, rect: el.getBoundingClientRect() }));
    const centre = (p: Point) => (alongX ? p.rect.left + p.rect.width / 2 : p.rect.top + p.rect.height / 2);
    return list.sort((a, b) => centre(a) - centre(b));
  };

  const show = (wanted: number, announce: boolean): void => {
    const list = points();
    if (list.length === 0) return;
    index = Math.max(0, Math.min(list.length - 1, wanted));
    const point = list[index]!;
    const box = frame.getBoundingClientRect();
    tip.textContent = point.el.getAttribute('data-tip');
    tip.hidden = false;
    const x = alongX ? point.rect.left + point.rect.width / 2 : point.rect.right;
    const left = Math.max(0, Math.min(box.width - tip.offsetWidth, x - box.left - tip.offsetWidth / 2));
    tip.style.left = `${left}px`;
    tip.style.top = `${point.rect.top - box.top}px`;
    active?.classList.remove('tip-active');
    active = point.el;
    active.classList.add('tip-active');
    if (announce && live) live.textContent = tip.textContent;
  };

  const hide = (): void => {
    tip.hidden = true;
    active?.classList.remove('tip-active');
    active = null;
  };

  const nearest = (event: PointerEvent): void => {
    const list = points();
    let best = -1;
    let bestDistance = Infinity;
    list.forEach((p, i) => {
      const d = alongX ? Math.abs(p.rect.left + p.rect.width / 2 - event.clientX) : Math.abs(p.rect.top + p.rect.height / 2 - event.clientY);
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    if (best >= 0) show(best, false);
  };

  frame.addEventListener('pointermove', nearest);
  frame.addEventListener('pointerdown', nearest);
  frame.addEventListener('pointerleave', () => {
    if (document.activeElement !== frame) hide();
  });
  // Keyboard focus starts at the latest year (or the top bar); a click or tap keeps the point it pointed at.
  frame.addEventListener('focus', () => {
    if (frame.matches(':focus-visible')) show(frame.dataset.start === 'first' ? 0 : Infinity, true);
  });
  frame.addEventListener('blur', hide);
  frame.addEventListener('keydown', (event) => {
    const steps: Record<string, number> = alongX ? { ArrowRight: 1, ArrowLeft: -1 } : { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 1, ArrowUp: -1 };
    if (event.key === 'Escape') hide();
    else if (event.key === 'Home') show(0, true);
    else if (event.key === 'End') show(Infinity, true);
    else if (event.key in steps) show(index + steps[event.key]!, true);
    else return;
    event.preventDefault();
  });
}

for (const frame of document.querySelectorAll<HTMLElement>('[data-chart]')) setupChart(frame);
