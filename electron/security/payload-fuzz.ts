// Malformed bridge payloads for the fuzz test, from a seeded generator so a failure replays exactly. Every value is one
// Electron's IPC can deliver (a structured clone): primitives, plain objects and arrays, typed arrays, Map, Set, Date,
// RegExp, Error, BigInt — wrong-typed, oversized, deeply nested, or near-valid with one part broken. Shapes come from
// the channel's own zod schema, so channels added to the contract later are fuzzed with their own field names.
import type { z } from 'zod';
import { schemaDef } from '../ipc/byte-fields';

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
const int = (rng: Rng, max: number) => Math.floor(rng() * max);

const HOSTILE_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/etc/passwd',
  'C:\\Windows\\System32',
  'file:///etc/passwd',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\ud800',
  '💥'.repeat(50),
  'a'.repeat(70_000),
  '{"__proto__":{"polluted":true}}',
  'NaN',
  '1e309',
];

const NUMBERS = [0, -0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e-308, 2 ** 31, 0x7fffffff + 1];

interface FuzzDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}
const defOf = (schema: z.ZodType) => schemaDef(schema) as FuzzDef;

/** A value the schema probably accepts, or close to it: the starting point of near-valid payloads. */
export function plausible(schema: z.ZodType, rng: Rng, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 8) return undefined;
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, s]) => [key, plausible(s, rng, depth + 1)]));
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'prefault':
    case 'catch':
      return plausible(def.innerType as z.ZodType, rng, depth + 1);
    case 'pipe':
      return plausible(def.in as z.ZodType, rng, depth + 1);
    case 'array':
      return Array.from({ length: 1 + int(rng, 3) }, () => plausible(def.element as z.ZodType, rng, depth + 1));
    case 'union':
      return plausible(pick(rng, def.options ?? []), rng, depth + 1);
    case 'literal':
      return pick(rng, def.values ?? ['']);
    case 'enum':
      return pick(rng, Object.values(def.entries ?? { x: 'x' }));
    case 'string':
      return pick(rng, ['p', 'x1', 'hello world', 'https://gateway.example.com']);
    case 'number':
      return pick(rng, [0, 0.5, 1, 3]);
    case 'boolean':
      return rng() < 0.5;
    case 'custom':
      return new Uint8Array(int(rng, 16));
    default:
      return undefined;
  }
}

function deep(levels: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** Any value IPC can carry, biased towards the awkward ones. */
export function junk(rng: Rng, depth = 0): unknown {
  const kind = int(rng, depth > 3 ? 9 : 16);
  switch (kind) {
    case 0:
      return pick(rng, HOSTILE_STRINGS);
    case 1:
      return pick(rng, NUMBERS);
    case 2:
      return pick(rng, [true, false, null, undefined]);
    case 3:
      return BigInt(int(rng, 1000)) ** 20n;
    case 4:
      return new Date(pick(rng, [0, NaN, 8.64e15, -1]));
    case 5:
      return new Uint8Array(pick(rng, [0, 1, 1024, 12 * 1024 * 1024]));
    case 6:
      return pick(rng, [new Float64Array(3), new Int16Array(2), new ArrayBuffer(8), new DataView(new ArrayBuffer(4))]);
    case 7:
      return pick(rng, [/.*/g, new Error('boom'), new Map([['id', 'x']]), new Set(['x'])]);
    case 8:
      return String.fromCharCode(...Array.from({ length: int(rng, 40) }, () => int(rng, 0xffff)));
    case 9:
      return deep(pick(rng, [50, 1000, 20_000]), rng() < 0.5);
    case 10:
      return Array.from({ length: pick(rng, [0, 3, 100_000]) }, (_, i) => (i < 4 ? junk(rng, depth + 1) : i));
    case 11: {
      const sparse: unknown[] = [];
      sparse[int(rng, 10_000)] = junk(rng, depth + 1);
      return sparse;
    }
    case 12:
      // An own "__proto__" key, as JSON.parse makes one: must not reach any prototype.
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown;
    case 13:
      return Object.fromEntries(Array.from({ length: int(rng, 6) }, () => [pick(rng, HOSTILE_STRINGS).slice(0, 300), junk(rng, depth + 1)]));
    case 14:
      return { [`k${'x'.repeat(pick(rng, [1, 100_000]))}`]: junk(rng, depth + 1) };
    default:
      return Array.from({ length: int(rng, 4) }, () => junk(rng, depth + 1));
  }
}

/** Replace one value somewhere inside `value` (or add a stray key) with junk. */
export function breakOnePart(value: unknown, rng: Rng): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return junk(rng);
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  if (entries.length === 0 || rng() < 0.2) {
    (copy as Record<string, unknown>)[pick(rng, ['extra', '__proto__', 'constructor', 'then'])] = junk(rng);
    return copy;
  }
  const [key, inner] = pick(rng, entries);
  (copy as Record<string, unknown>)[key] = rng() < 0.5 ? breakOnePart(inner, rng) : junk(rng);
  return copy;
}

/** The next payload for a channel: junk at the top, or a near-valid request with one part broken. */
export function malformedPayload(schema: z.ZodType, rng: Rng): unknown {
  return rng() < 0.35 ? junk(rng) : breakOnePart(plausible(schema, rng), rng);
}
