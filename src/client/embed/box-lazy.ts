// Loads the embed box's script only when the box comes near the screen: most readers never scroll to it, and
// without the script the box still shows working code and the options in words.
const embedBox = document.querySelector('[data-embed-box]');
if (embedBox) {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      void import('./box.ts');
    },
    { rootMargin: '600px 0px' },
  );
  observer.observe(embedBox);
}

export {}; // a module: its names stay out of the page's global scope
