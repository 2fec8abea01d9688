// The embed box on an indicator page: turns the chosen options into the embed address and code, copies it, and
// shows a live preview (with our loader, so the preview's height follows the chart as it would on a host page).
import { embedAddress, markLayers, MAX_REGIONS, type EmbedBoxView, type Theme } from '../../shared/embed/options.ts';
import { embedSnippet } from '../../shared/embed/snippet.ts';

function setup(box: HTMLElement): void {
  const data = JSON.parse(box.querySelector('[data-embed-views]')?.textContent ?? '{}') as { views: EmbedBoxView[]; loader: string; origin: string };
  const form = box.querySelector<HTMLFormElement>('[data-embed-controls]');
  const code = box.querySelector<HTMLTextAreaElement>('[data-embed-code]');
  const copy = box.querySelector<HTMLButtonElement>('[data-embed-copy]');
  const status = box.querySelector<HTMLElement>('[data-embed-status]');
  const preview = box.querySelector<HTMLDetailsElement>('[data-embed-preview]');
  if (!form || !code || !data.views?.length) return;
  // Without a configured origin the page's own origin is the right one: the reader is on our site.
  const origin = data.origin || location.origin;
  const field = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | HTMLInputElement | null;
  let src = '';
  let shown = data.views[0]!;

  const update = () => {
    const view = data.views.find((v) => v.kind === field('view')?.value) ?? data.views[0]!;
    shown = view;
    for (const el of box.querySelectorAll<HTMLElement>('[data-for-view]')) el.hidden = el.dataset.forView !== view.kind;
    const boxes = [...form.querySelectorAll<HTMLInputElement>(`input[name="regions-${view.kind}"]`)];
    const regions = boxes.filter((b) => b.checked).map((b) => b.value);
    for (const b of boxes) b.disabled = !b.checked && regions.length >= MAX_REGIONS;
    const years = view.offer.years;
    const options = {
      regions: regions.length ? regions : view.offer.defaultRegions,
      from: Number(field('from')?.value ?? years[0]),
      to: Number(field('to')?.value ?? years.at(-1)),
      theme: (field('theme')?.value ?? 'auto') as Theme,
      lang: view.offer.langs[0] ?? '',
      // Unticked mark layers; the address hides them in its path, so the embed holds without script.
      hide: markLayers(
        [...form.querySelectorAll<HTMLInputElement>('input[name="show-marks"]')]
          .filter((b) => !b.checked)
          .map((b) => b.value)
          .join(','),
        view.offer,
      ),
    };
    if (view.kind === 'ranking' || options.from > options.to) [options.from, options.to] = [Math.min(...years), Math.max(...years)];
    src = embedAddress(view.path, options, view.offer);
    const withScript = (field('script') as HTMLInputElement | null)?.checked ?? true;
    code.value = embedSnippet({ src: origin + src, title: view.title, height: view.height, loader: withScript ? origin + data.loader : null });
    const frame = preview?.querySelector('iframe');
    if (frame && frame.getAttribute('src') !== src) Object.assign(frame, { src, title: view.title });
  };

  form.hidden = false;
  box.querySelector('[data-embed-relative]')?.setAttribute('hidden', '');
  form.addEventListener('change', update);
  update();

  if (copy && status) {
    copy.hidden = false;
    copy.addEventListener('click', () => {
      const done = (ok: boolean) => (status.textContent = (ok ? status.dataset.copied : status.dataset.failed) ?? '');
      code.select();
      navigator.clipboard?.writeText(code.value).then(
        () => done(true),
        () => done(document.execCommand('copy')),
      ) ?? done(document.execCommand('copy'));
    });
  }

  if (preview) {
    preview.hidden = false;
    preview.addEventListener('toggle', () => {
      if (!preview.open || preview.querySelector('iframe')) return;
      const frame = document.createElement('iframe');
      Object.assign(frame, { src, title: shown.title });
      frame.setAttribute('data-yigai-embed', '');
      frame.style.cssText = `width:100%;height:${shown.height}px;border:0`;
      preview.querySelector('[data-embed-preview-frame]')?.append(frame);
      const loader = document.createElement('script');
      loader.src = data.loader;
      document.body.append(loader);
    });
  }
}

for (const box of document.querySelectorAll<HTMLElement>('[data-embed-box]')) setup(box);
