import { DatasetBuilder } from '../builder.js';
import { baseName, checkColumns, CompiledMapping, mapRow } from '../csv/read.js';
import { slug } from '../ids.js';
import type { LoadedMapping } from '../mapping.js';
import { decode, DecodeError } from '../text.js';
import type { ParsedFile, Position } from '../types.js';
import { ENTITY_FIELDS, LOCATED_TYPES } from '../../vocabulary/entity-fields.js';
import { ENTITY, type EntityType } from '../../vocabulary/entity-types.js';
import { centreOf, Footprint, PointGeometry } from '../../vocabulary/geometry.js';

type Properties = Record<string, unknown>;
interface Feature {
  index: number;
  properties: Properties;
  /** Longitude, latitude of its point (a footprint's centre when it has no other). */
  point?: [number, number];
  footprint?: Footprint;
}

const isObject = (v: unknown): v is Properties => typeof v === 'object' && v !== null && !Array.isArray(v);
const LOCATED: ReadonlySet<string> = new Set(LOCATED_TYPES);
/** Fields the geometry gives, not the properties. */
const GEOMETRY_FIELDS = new Set(['latitude', 'longitude', 'footprint']);

/**
 * A GeoJSON FeatureCollection (RFC 7946): each feature a located record. Without a mapping a
 * feature is a Place named by its `name` or `title` property (Kinline's own export also gives
 * `type`, `id`, `names` and the type's fields, read back as they were written); with one (the CSV
 * mapping language, graph/import/README.md) the properties are the row's cells. Its geometry
 * gives `latitude`/`longitude`, and a Polygon or MultiPolygon a Facility's `footprint`.
 * Problems name the feature's index and property; any problem rejects the whole file.
 */
export function parseGeoJson(bytes: Uint8Array, file: string, mapping?: LoadedMapping): ParsedFile {
  const out = new DatasetBuilder(file, 'geojson');
  const problem = (path: string, message: string) => out.parsed.problems.push({ file, path, message });
  let value: unknown;
  try {
    value = JSON.parse(decode(bytes, 'utf-8', file));
  } catch (error) {
    if (error instanceof DecodeError) out.parsed.problems.push(error.problem);
    else problem('', `not JSON: ${(error as Error).message}`);
    return out.parsed;
  }
  if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    problem('type', 'not a GeoJSON FeatureCollection (an object with "type": "FeatureCollection" and "features")');
    return out.parsed;
  }
  const features = value.features.flatMap((raw, index) => readFeature(raw, index, problem));
  out.parsed.records = value.features.length;
  // Features that are well formed are still read, so one run names every problem.
  if (mapping) mapFeatures(out, features, mapping);
  else for (const feature of features) addUnmapped(out, feature, baseName(file));
  return out.parsed;
}

/** A feature's properties and geometry, or nothing (with a problem) when it is malformed. */
function readFeature(raw: unknown, index: number, problem: (path: string, message: string) => void): Feature[] {
  const at = `features[${index}]`;
  if (!isObject(raw) || raw.type !== 'Feature') {
    problem(at, 'not a GeoJSON Feature (an object with "type": "Feature")');
    return [];
  }
  if (raw.properties !== null && raw.properties !== undefined && !isObject(raw.properties)) {
    problem(`${at}.properties`, 'must be an object or null');
    return [];
  }
  const feature: Feature = { index, properties: (raw.properties as Properties | null) ?? {} };
  const geometry = raw.geometry;
  if (geometry === null || geometry === undefined) return [feature];
  const point = PointGeometry.safeParse(geometry);
  if (point.success) return [{ ...feature, point: point.data.coordinates }];
  const footprint = Footprint.safeParse(geometry);
  if (footprint.success) return [{ ...feature, point: centreOf(footprint.data), footprint: footprint.data }];
  const type = isObject(geometry) ? geometry.type : undefined;
  if (type !== 'Point' && type !== 'Polygon' && type !== 'MultiPolygon') {
    problem(`${at}.geometry`, `a ${String(type)} locates no record: give a Point, Polygon or MultiPolygon`);
    return [];
  }
  const issue = (type === 'Point' ? point : footprint).error.issues[0];
  problem(
    `${at}.geometry${issue?.path.length ? `.${issue.path.join('.')}` : ''}`,
    `malformed ${type}: ${issue?.message}`,
  );
  return [];
}

/** The geometry's fields for a record of `type`: its point, and a Facility's footprint. */
function geometryFields(type: string, feature: Feature, properties: Properties): Properties {
  const fields: Properties = {};
  if (!LOCATED.has(type)) return fields;
  // An exported footprint keeps its own point in the properties; else the outline's centre.
  const [lon, lat] =
    typeof properties.longitude === 'number' && typeof properties.latitude === 'number'
      ? [properties.longitude, properties.latitude]
      : (feature.point ?? []);
  if (lon !== undefined && lat !== undefined) Object.assign(fields, { longitude: lon, latitude: lat });
  if (feature.footprint && 'footprint' in ENTITY_FIELDS[type as EntityType]) fields.footprint = feature.footprint;
  return fields;
}

const positionOf = (file: string, index: number, fields: Position['fields'] = {}): Position => ({
  file,
  line: 0,
  where: `features[${index}]`,
  fields,
});

/** A feature without a mapping: a Place (or the located type its `type` names) with its fields. */
function addUnmapped(out: DatasetBuilder, feature: Feature, stem: string): void {
  const p = feature.properties;
  const type: EntityType = typeof p.type === 'string' && LOCATED.has(p.type) ? (p.type as EntityType) : ENTITY.Place;
  const name = [p.name, p.title].find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
  if (p.names === undefined && !name) {
    out.parsed.problems.push({
      file: out.parsed.file,
      path: `features[${feature.index}].properties.name`,
      message: 'a feature needs a "name" or "title" property (or a mapping that names it)',
    });
    return;
  }
  const fields: NonNullable<Position['fields']> = {};
  const entity: Properties = {
    type,
    id:
      typeof p.id === 'string' && p.id
        ? p.id
        : `geojson-${slug(stem.replace(/(\.geo)?\.json$/i, ''))}-${feature.index + 1}`,
    names: p.names ?? [{ value: name!.trim().slice(0, 400), kind: 'primary' }],
    kind: typeof p.kind === 'string' ? p.kind : 'other',
  };
  for (const key of ['names', 'id', 'kind'])
    fields[key] = { name: key === 'names' && p.names === undefined ? 'name' : key };
  for (const key of ['description', 'identifiers', 'synthetic', ...Object.keys(ENTITY_FIELDS[type])]) {
    if (key === 'kind' || GEOMETRY_FIELDS.has(key) || p[key] === undefined || p[key] === null) continue;
    entity[key] = p[key];
    fields[key] = { name: key };
  }
  Object.assign(entity, geometryFields(type, feature, p));
  out.addEntity(entity as never, positionOf(out.parsed.file, feature.index, fields));
}

/** Features through a mapping: the properties are a row's cells (objects and lists as JSON). */
function mapFeatures(out: DatasetBuilder, features: Feature[], loaded: LoadedMapping): void {
  const header = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  const builtins = ['latitude', 'longitude'];
  const problems = checkColumns(header, loaded, out.parsed.file, { builtins, unusedAllowed: true });
  if (problems.length > 0) {
    out.parsed.problems.push(...problems);
    return;
  }
  const compiled = new CompiledMapping(loaded.mapping);
  for (const constant of loaded.mapping.constants) out.addEntity(constant as never, { file: loaded.file, line: 1 });
  for (const feature of features) {
    const cells = new Map(
      Object.entries(feature.properties).flatMap(([key, v]): [string, string][] =>
        v === null || v === undefined ? [] : [[key, typeof v === 'object' ? JSON.stringify(v) : String(v)]],
      ),
    );
    const before = out.parsed.dataset.entities.length;
    const failed = mapRow(
      out,
      compiled,
      cells,
      {
        row: String(feature.index + 1),
        line: String(feature.index + 1),
        rowText: JSON.stringify(feature.properties).slice(0, 4000),
        file: baseName(out.parsed.file),
        ...(feature.point ? { longitude: String(feature.point[0]), latitude: String(feature.point[1]) } : {}),
      },
      positionOf(out.parsed.file, feature.index),
      new Map(),
    );
    if (failed) {
      out.parsed.problems.push({
        file: out.parsed.file,
        path: `features[${feature.index}].properties.${failed.column}`,
        message: failed.message,
      });
      continue;
    }
    // The geometry locates the records the feature made, unless the mapping located them itself.
    for (const entity of out.parsed.dataset.entities.slice(before) as Properties[]) {
      const geometry = geometryFields(String(entity.type), feature, entity);
      for (const [key, v] of Object.entries(geometry)) entity[key] ??= v;
    }
  }
}
