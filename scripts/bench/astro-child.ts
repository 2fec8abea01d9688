// Child process of the build bench: `astro build` through Astro's JavaScript API, inside this process, so
// its peak memory is the build's own. Output folder from YIGAI_DIST, data from YIGAI_PUBLISHED_DIR.
// Prints time, pages built (HTML files) and peak memory as one JSON line.
import { readdirSync } from 'node:fs';
import { build } from 'astro';
import { peakRssMb } from './child.ts';

const dist = process.env.YIGAI_DIST;
if (!dist) throw new Error('astro-child: set YIGAI_DIST (the bench never builds into dist/)');
const started = performance.now();
await build({ root: process.cwd(), logLevel: 'error' });
const ms = performance.now() - started;
const pages = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.html')).length;
console.log(JSON.stringify({ ms, pages, peakRssMb: peakRssMb() }));
