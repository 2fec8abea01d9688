// The indicator page's data tools: copy buttons, the reader's access date and this site's address in the
// citations, and "download the data shown", built in the browser from /data/<id>.json and the view on screen
// (#data-shown, kept up to date by the explorer). Without JavaScript the link gives the default view's CSV.
import { parseShownBlocks, shownCsv, type SeriesDownload } from '../../shared/downloads/shown.ts';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function fillPlaceholders(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-fill="access-date"]')) el.textContent = today();
  for (const el of document.querySelectorAll<HTMLElement>('[data-fill="url"]')) {
    el.textContent = new URL(el.dataset.path ?? '/', location.href).href;
  }
}

async function copyText(button: HTMLButtonElement): Promise<void> {
  const target = document.getElementById(button.dataset.copy ?? '');
  if (!target) return;
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(target.textContent ?? '');
    button.textContent = button.dataset.copied ?? label;
  } catch {
    // Clipboard refused (insecure origin, permissions): select the text so the reader can copy it by hand.
    getSelection()?.selectAllChildren(target);
    button.textContent = button.dataset.failed ?? label;
  }
  setTimeout(() => (button.textContent = label), 2000);
}

async function downloadShown(link: HTMLAnchorElement): Promise<void> {
  const response = await fetch(link.dataset.json!);
  const series = (await response.json()) as SeriesDownload;
  const blocks = parseShownBlocks(document.getElementById('data-shown')?.dataset.shown);
  const { csv } = shownCsv(series, blocks);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: link.download });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

fillPlaceholders();
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', () => void copyText(button));
}
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-download-shown]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    // If the data file cannot be fetched, fall back to the default view's CSV the link points at.
    downloadShown(link).catch(() => (location.href = link.href));
  });
}
