// The timeline's area filter, without reload; a year with no event left is hidden. Without script all show.
const form = document.querySelector<HTMLFormElement>('[data-timeline-filters]');

function apply(): void {
  if (!form) return;
  const area = form.querySelector<HTMLSelectElement>('[data-filter="area"]')!.value;
  let shown = 0;
  const events = document.querySelectorAll<HTMLElement>('li[data-area]');
  for (const event of events) {
    event.hidden = Boolean(area) && event.dataset.area !== area;
    if (!event.hidden) shown += 1;
  }
  for (const section of document.querySelectorAll<HTMLElement>('[data-year-section]')) {
    section.hidden = section.querySelectorAll('li[data-area]:not([hidden])').length === 0;
  }
  const summary = form.querySelector<HTMLElement>('[data-filter-summary]');
  if (summary?.dataset.template)
    summary.textContent = summary.dataset.template.replace('{shown}', String(shown)).replace('{total}', String(events.length));
  history.replaceState(null, '', area ? `?area=${encodeURIComponent(area)}` : location.pathname);
}

if (form) {
  const select = form.querySelector<HTMLSelectElement>('[data-filter="area"]')!;
  const asked = new URLSearchParams(location.search).get('area');
  if (asked && [...select.options].some((o) => o.value === asked)) select.value = asked;
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}

export {};
