// The search box's first step, small on purpose: nothing loads until the reader focuses or types in the box;
// then search-run.ts (names, Pagefind) loads and shows results under the box, or on the search page.
export {}; // a module, so its names stay out of the global scope other scripts share
const form = document.querySelector<HTMLFormElement>('[data-site-search]');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
const box = form?.querySelector<HTMLElement>('[data-search-results]');

if (form && input && box) {
  let runner: Promise<typeof import('./results.ts')> | undefined;
  const load = () => (runner ??= import('./results.ts'));
  let timer: ReturnType<typeof setTimeout> | undefined;
  // base: the edition's root (names.json, result links); siteBase: where Pagefind's one index lives.
  const base = form.dataset.base ?? '/';
  const site = { siteBase: form.dataset.siteBase ?? base, lang: form.dataset.lang === 'en' ? ('en' as const) : ('zh' as const) };

  input.addEventListener('focus', () => void load());
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => (await load()).showResults(input.value, box, base, false, site), 120);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      box.hidden = true;
      input.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) box.hidden = true;
  });

  // On the search page, the query in the URL fills the box and the page lists every result.
  const page = document.querySelector<HTMLElement>('[data-search-page]');
  const query = new URLSearchParams(location.search).get('q');
  if (page && query) {
    input.value = query;
    void load().then((run) => run.showResults(query, page, base, true, site));
  }
}
