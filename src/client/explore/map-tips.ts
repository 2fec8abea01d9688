// Map tooltips: hovering or tapping a province shows its name and value; the focused map steps through the
// provinces from the highest value down with the arrow keys (no-data regions last), announcing each one.
const PROVINCES = 'path.province';

export function setupMapTips(frame: HTMLElement): void {
  const tip = frame.querySelector<HTMLElement>('.chart-tip');
  const live = frame.querySelector<HTMLElement>('[data-map-live]');
  if (!tip) return;
  let index = -1;
  let active: SVGPathElement | null = null;

  // The native <title> stays in the markup for readers without JavaScript; with it, our tooltip takes over.
  for (const title of frame.querySelectorAll(`${PROVINCES} > title`)) title.remove();

  /** Current order: by value, highest first (values change with the year), then the regions without data. */
  const ranked = (): SVGPathElement[] =>
    [...frame.querySelectorAll<SVGPathElement>(PROVINCES)].sort((a, b) => {
      const [va, vb] = [a.dataset.value, b.dataset.value].map((v) => (v === undefined ? -Infinity : Number(v)));
      return vb! - va! || (a.dataset.code ?? '').localeCompare(b.dataset.code ?? '');
    });

  const show = (path: SVGPathElement, announce: boolean): void => {
    const box = frame.getBoundingClientRect();
    const rect = path.getBoundingClientRect();
    tip.textContent = path.dataset.tip ?? '';
    tip.hidden = false;
    const centre = rect.left + rect.width / 2 - box.left;
    tip.style.left = `${Math.max(0, Math.min(box.width - tip.offsetWidth, centre - tip.offsetWidth / 2))}px`;
    tip.style.top = `${Math.max(tip.offsetHeight + 8, rect.top + rect.height / 2 - box.top)}px`;
    active?.classList.remove('tip-active');
    active = path;
    // Drawn last, so its outline is not hidden under its neighbours.
    path.parentNode?.appendChild(path);
    path.classList.add('tip-active');
    if (announce && live) live.textContent = tip.textContent;
  };

  const hide = (): void => {
    tip.hidden = true;
    active?.classList.remove('tip-active');
    active = null;
  };

  const step = (wanted: number): void => {
    const list = ranked();
    index = Math.max(0, Math.min(list.length - 1, wanted));
    show(list[index]!, true);
  };

  const pointed = (event: PointerEvent): void => {
    const path = (event.target as Element).closest<SVGPathElement>(PROVINCES);
    if (path && path !== active) show(path, false);
  };
  frame.addEventListener('pointermove', pointed);
  frame.addEventListener('pointerdown', pointed);
  frame.addEventListener('pointerleave', () => {
    if (document.activeElement !== frame) hide();
  });
  // Keyboard focus starts at the top of the ranking; a click or tap also focuses the frame, but keeps the
  // province it pointed at (pointerdown showed it already).
  frame.addEventListener('focus', () => {
    if (frame.matches(':focus-visible')) step(0);
  });
  frame.addEventListener('blur', hide);
  frame.addEventListener('keydown', (event) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key === 'Escape') hide();
    else if (event.key === 'Home') step(0);
    else if (event.key === 'End') step(Infinity);
    else if (event.key in moves) step(index + moves[event.key]!);
    else return;
    event.preventDefault();
  });
}
