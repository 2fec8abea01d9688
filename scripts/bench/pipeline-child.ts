// Child process of the build bench: the data pipeline (scripts/build-data.ts) on YIGAI_DATA_DIR into
// YIGAI_PUBLISHED_DIR, timed; prints time and peak memory as one JSON line.
import { peakRssMb } from './child.ts';

const started = performance.now();
const log = console.log;
console.log = () => {}; // the script's own summary line
await import('../build-data.ts');
console.log = log;
console.log(JSON.stringify({ ms: performance.now() - started, peakRssMb: peakRssMb() }));
