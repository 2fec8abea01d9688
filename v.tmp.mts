import { ingestBytes } from './src/pipeline/ingest/ingest-file.ts';
const vals = ['1E5', '1e400', '-0', '1e-400', '.5', '5.', '+5', '0x10', '1_000', 'Infinity', 'NaN', '１２３', '6.09 ', '−1.5', '"6,09"', '"1,234.5"', '1e21', '123456789012345', '1234567890123456', '0.000000000000000000001', '00012', '1.50', '-', '…', '\u00a06.1', '6.1\u200b', '5%', '5‰'];
const text = 'indicator,region,year,value,unit\n' + vals.map((v, i) => `出生率,全国,${1950 + i},${v},‰`).join('\n') + '\n';
const r = ingestBytes(new TextEncoder().encode(text), 'v.csv');
const byYear = new Map(r.observations.map((o) => [o.year, o.value.toFixed(o.decimals) + ` (v=${o.value},d=${o.decimals})`]));
const probs = new Map(r.report.problems.map((p) => [p.line, p.code + ' ' + p.message.slice(0, 60)]));
vals.forEach((v, i) => console.log(JSON.stringify(v).padEnd(28), byYear.get(1950 + i) ?? probs.get(i + 2) ?? 'EMPTY'));
console.log(r.report.counts);
