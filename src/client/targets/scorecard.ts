// The scorecard's filters (plan, status) and its grouping switch (by plan / by reform area), without reload.
// Without this script the form stays hidden and every target is listed in both groupings (the by-area one a
// summary linking to the by-plan rows).

const form = document.querySelector<HTMLFormElement>('[data-scorecard-filters]');

function apply(): void {
  if (!form) return;
  const plan = form.querySelector<HTMLSelectElement>('[data-filter="plan"]')!.value;
  const status = form.querySelector<HTMLSelectElement>('[data-filter="status"]')!.value;
  const group = form.querySelector<HTMLInputElement>('input[name="group"]:checked')?.value ?? 'plan';
  for (const section of document.querySelectorAll<HTMLElement>('[data-group]')) section.hidden = section.dataset.group !== group;
  const active = document.querySelector<HTMLElement>(`[data-group="${group}"]`);
  let shown = 0;
  let total = 0;
  for (const row of active?.querySelectorAll<HTMLTableRowElement>('tr[data-plan]') ?? []) {
    const visible = (!plan || row.dataset.plan === plan) && (!status || row.dataset.status === status);
    row.hidden = !visible;
    total += 1;
    if (visible) shown += 1;
  }
  // A plan or area with no row left is hidden whole, heading included.
  for (const section of active?.querySelectorAll<HTMLElement>('section') ?? []) {
    section.hidden = section.querySelectorAll('tr[data-plan]:not([hidden])').length === 0;
  }
  const summary = form.querySelector<HTMLElement>('[data-filter-summary]');
  // The sentence comes from the page (zh.ts at build time), with {shown} and {total} to fill.
  if (summary?.dataset.template) summary.textContent = summary.dataset.template.replace('{shown}', String(shown)).replace('{total}', String(total));
  const params = new URLSearchParams();
  if (plan) params.set('plan', plan);
  if (status) params.set('status', status);
  if (group !== 'plan') params.set('group', group);
  // The hash (a plan's anchor) stays: the language switch and shared links carry it.
  history.replaceState(null, '', (params.size ? `?${params}` : location.pathname) + location.hash);
}

if (form) {
  // A shared address keeps its filters: ?plan=…&status=…&group=area.
  const params = new URLSearchParams(location.search);
  for (const name of ['plan', 'status'] as const) {
    const select = form.querySelector<HTMLSelectElement>(`[data-filter="${name}"]`)!;
    const value = params.get(name);
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  if (params.get('group') === 'area') form.querySelector<HTMLInputElement>('input[name="group"][value="area"]')!.checked = true;
  form.addEventListener('change', apply);
  // The by-area summary links each target to its full row in the by-plan list: show that list (unfiltered by
  // plan, so the row is there) before the browser follows the link.
  document.querySelector('[data-group="area"]')?.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[href^="#target-"]');
    if (!link) return;
    form.querySelector<HTMLInputElement>('input[name="group"][value="plan"]')!.checked = true;
    form.querySelector<HTMLSelectElement>('[data-filter="plan"]')!.value = '';
    form.querySelector<HTMLSelectElement>('[data-filter="status"]')!.value = '';
    apply();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}

export {};
