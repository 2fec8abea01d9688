// A structural check of the Frictionless Data Package v1 rules this project relies on, written here because
// no maintained validator exists on npm and frictionless-py cannot be installed here: descriptor properties,
// profiles, resource names and paths, media types and encodings, Table Schemas, and that each CSV matches its
// schema (header, types, constraints, primary key), byte count and SHA-256. The patterns are the ones of the
// v1 JSON Schemas (data-package.json, data-resource.json) and of frictionless-py 5 (settings.py), which
// validates them; the trap that made the validator fail the package is RESERVED_NAMES.
import { createHash } from 'node:crypto';
import Papa from 'papaparse';

const NAME = /^[a-z0-9._-]+$/; // the spec's ^([-a-z0-9._/])+$ without '/', which frictionless reads as a path
/**
 * File names frictionless-py 5 takes for a descriptor of its own kind (settings.METADATA_TRAITS): a resource whose
 * path ends in one of them is opened as a catalog, schema, validation report … instead of as data. `report.json`
 * (the ingestion report's old name) made the validator report 5 `report-error`s; `<id>-map.json` would do the same.
 */
export const RESERVED_NAMES = [
  'catalog',
  'chart',
  'package',
  'resource',
  'dialect',
  'jsonschema',
  'schema',
  'checklist',
  'pipeline',
  'report',
  'inquiry',
  'view',
  'map',
].flatMap((kind) => [`${kind}.json`, `${kind}.yaml`]);
/** data-resource.json's path pattern: no leading '.', '/' or '~' (no absolute or home paths), and no '..'. */
const RESOURCE_PATH = /^(?=^[^./~])(^((?!\.{2}).)*$)/;
const MEDIATYPE = /^(.+)\/(.+)$/;
const HASH = /^([^:]+:[a-fA-F0-9]+|[a-fA-F0-9]{32}|)$/;
const PACKAGE_PROFILES = new Set(['data-package', 'tabular-data-package']);
const RESOURCE_PROFILES = new Set(['data-resource', 'tabular-data-resource']);
/** What each format this package publishes is: extension, media type, and that its text is UTF-8. */
const FORMATS: Record<string, string> = { csv: 'text/csv', json: 'application/json' };
const FIELD_TYPES = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
]);
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, any>;

function checkCell(text: string, field: Json, missing: string[]): string | null {
  if (missing.includes(text)) return field.constraints?.required ? 'required value missing' : null;
  switch (field.type) {
    case 'integer':
      if (!/^[-+]?\d+$/.test(text)) return `not an integer: ${text}`;
      break;
    case 'year':
      if (!/^\d{4}$/.test(text)) return `not a year: ${text}`;
      break;
    case 'number':
      if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return `not a number: ${text}`;
      break;
  }
  const c = field.constraints ?? {};
  if (c.enum && !c.enum.includes(text)) return `not one of ${c.enum.join('|')}: ${text}`;
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(text)) return `does not match ${c.pattern}: ${text}`;
  return null;
}

/** Every rule broken, as `resource: message`; empty when the package is valid. `read` returns a file's bytes. */
export function dataPackageErrors(pkg: Json, read: (path: string) => Uint8Array | undefined): string[] {
  const errors: string[] = [];
  const need = (ok: unknown, message: string) => {
    if (!ok) errors.push(message);
  };
  need(typeof pkg.name === 'string' && NAME.test(pkg.name), `package name must match ${NAME}`);
  // v1 names its profile; v2 names a $schema URL instead. Frictionless reads either, not a mix.
  need(PACKAGE_PROFILES.has(pkg.profile), `package profile must be one of ${[...PACKAGE_PROFILES].join('|')}`);
  need(pkg.$schema === undefined, 'a v1 package (profile) carries no $schema');
  if (pkg.homepage !== undefined) need(/^https?:\/\//.test(pkg.homepage), 'homepage must be an http(s) URL');
  need(Array.isArray(pkg.resources) && pkg.resources.length > 0, 'resources must be a non-empty array');
  need(typeof pkg.version === 'string' && pkg.version.length > 0, 'version required');
  need(typeof pkg.created === 'string' && ISO_DATETIME.test(pkg.created), 'created must be an ISO 8601 date-time');
  need(Array.isArray(pkg.licenses) && pkg.licenses.length > 0 && pkg.licenses.every((l: Json) => l.name || l.path), 'licenses need a name or path');
  need(Array.isArray(pkg.sources) && pkg.sources.every((s: Json) => typeof s.title === 'string' && s.title), 'sources need a title');
  const names = new Set<string>();
  for (const r of pkg.resources ?? []) {
    const at = `resource ${r.name}`;
    need(typeof r.name === 'string' && NAME.test(r.name), `${at}: name must match ${NAME}`);
    need(!names.has(r.name), `${at}: duplicate name`);
    names.add(r.name);
    need(typeof r.path === 'string' && RESOURCE_PATH.test(r.path), `${at}: path must be relative, without a leading . / ~ or ..`);
    const reserved = RESERVED_NAMES.find((n) => String(r.path).endsWith(n));
    need(!reserved, `${at}: path ${r.path} ends in ${reserved}, which frictionless opens as its own descriptor, not as data`);
    need(RESOURCE_PROFILES.has(r.profile), `${at}: profile must be one of ${[...RESOURCE_PROFILES].join('|')}`);
    need(r.$schema === undefined, `${at}: a v1 resource (profile) carries no $schema`);
    const ext = String(r.path).split('.').pop() ?? '';
    need(r.format === ext && FORMATS[ext], `${at}: format ${r.format} must be the path's extension, one of ${Object.keys(FORMATS).join('|')}`);
    need(
      typeof r.mediatype === 'string' && MEDIATYPE.test(r.mediatype) && r.mediatype === FORMATS[ext],
      `${at}: mediatype ${r.mediatype} must be ${FORMATS[ext]}`,
    );
    // frictionless reads 'utf-8' and skips a BOM (it switches to utf-8-sig when the bytes start with one).
    need(r.encoding === 'utf-8', `${at}: encoding must be utf-8`);
    need(typeof r.hash === 'string' && HASH.test(r.hash) && r.hash.startsWith('sha256:'), `${at}: hash must be sha256:<hex>`);
    need(Number.isInteger(r.bytes) && r.bytes >= 0, `${at}: bytes must be a whole number`);
    if (r.profile === 'tabular-data-resource') need(r.schema && Array.isArray(r.schema.fields), `${at}: a tabular-data-resource needs a schema`);
    const bytes = read(r.path);
    if (!bytes) {
      errors.push(`${at}: file ${r.path} missing`);
      continue;
    }
    need(r.bytes === bytes.length, `${at}: bytes ${r.bytes} ≠ file size ${bytes.length}`);
    need(r.hash === `sha256:${createHash('sha256').update(bytes).digest('hex')}`, `${at}: hash does not match the file`);
    if (r.profile !== 'tabular-data-resource') {
      if (ext === 'json') {
        try {
          JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        } catch {
          errors.push(`${at}: not UTF-8 JSON`);
        }
      }
      continue;
    }
    const fields: Json[] = r.schema?.fields ?? [];
    need(fields.length > 0, `${at}: schema.fields must be non-empty`);
    const fieldNames = fields.map((f) => f.name);
    need(new Set(fieldNames).size === fieldNames.length, `${at}: field names must be unique`);
    for (const f of fields) need(FIELD_TYPES.has(f.type), `${at}: field ${f.name} has unknown type ${f.type}`);
    for (const k of r.schema.primaryKey ?? []) need(fieldNames.includes(k), `${at}: primaryKey ${k} is not a field`);
    const missing: string[] = r.schema.missingValues ?? [''];
    const text = new TextDecoder(r.encoding ?? 'utf-8').decode(bytes); // TextDecoder drops a BOM, as readers do
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true, delimiter: r.dialect?.delimiter ?? ',' });
    need(parsed.errors.length === 0, `${at}: CSV does not parse: ${parsed.errors[0]?.message}`);
    const [header, ...rows] = parsed.data;
    need(JSON.stringify(header) === JSON.stringify(fieldNames), `${at}: header ${header?.join(',')} ≠ fields ${fieldNames.join(',')}`);
    if (r.rows !== undefined) need(r.rows === rows.length, `${at}: rows ${r.rows} ≠ ${rows.length}`);
    if (r.dialect?.lineTerminator)
      need(
        text.split(r.dialect.lineTerminator).length - 1 === rows.length + 1,
        `${at}: line terminators are not all ${JSON.stringify(r.dialect.lineTerminator)}`,
      );
    const keys = new Set<string>();
    rows.forEach((row, i) => {
      need(row.length === fields.length, `${at}: row ${i + 2} has ${row.length} cells, expected ${fields.length}`);
      fields.forEach((f, j) => {
        const problem = checkCell(row[j] ?? '', f, missing);
        if (problem) errors.push(`${at}: row ${i + 2}, field ${f.name}: ${problem}`);
      });
      if (r.schema.primaryKey) {
        const key = r.schema.primaryKey.map((k: string) => row[fieldNames.indexOf(k)]).join('|');
        need(!keys.has(key), `${at}: duplicate primary key ${key} at row ${i + 2}`);
        keys.add(key);
      }
    });
  }
  return errors;
}
