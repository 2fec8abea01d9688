// The language switch keeps the view: the twin page gets the query and hash this page keeps its state in
// (regions, years, tab), read when the reader clicks so that state set after load goes along too. Without
// JavaScript the link still leads to the twin page, in its default view.
export {};
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch]')) {
  const twin = link.getAttribute('href') ?? '';
  const update = () => (link.href = twin + location.search + location.hash);
  update();
  link.addEventListener('pointerdown', update);
  link.addEventListener('focus', update);
  link.addEventListener('click', update);
  addEventListener('hashchange', update);
}
