// A cheap look at a bridge request before zod parses it. Every request of the contract is a plain object of plain
// data (objects, arrays, strings, numbers, booleans), with bytes (Uint8Array) only in the fields its schema declares
// as bytes, and a few thousand values at most. Anything else is refused here, because zod's cost grows with what it
// is given: a strict object handed a 12 MB typed array walks twelve million index keys (seconds of main-process
// time), and a payload can be nested deeper than a stack.

/** Far above the largest real request (16 moving areas × 1000 path points ≈ 50 000 values). */
const MAX_VALUES = 250_000;
const MAX_DEPTH = 32;

const isPlainObject = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * Why the request cannot be a request of the contract, or undefined when its shape is fine for parsing.
 * `byteFields`: the field names under which the channel's schema takes bytes (byte-fields.ts).
 */
export function payloadShapeProblem(request: unknown, byteFields: ReadonlySet<string>): string | undefined {
  if (typeof request !== 'object' || request === null || !isPlainObject(request)) return 'request: Expected an object';
  let values = 0;
  const visit = (value: unknown, depth: number, key: string): string | undefined => {
    if (++values > MAX_VALUES) return 'request: Too large';
    if (typeof value !== 'object' || value === null) return typeof value === 'bigint' ? `${key}: Unexpected BigInt` : undefined;
    if (value instanceof Uint8Array) return byteFields.has(key) ? undefined : `${key}: Unexpected bytes`;
    if (depth >= MAX_DEPTH) return 'request: Nested too deeply';
    if (Array.isArray(value)) {
      // A list keeps its field's name: `dynamicMasks: [{ mask: bytes }]`, or a list of bytes under a bytes field.
      for (const item of value) {
        const problem = visit(item, depth + 1, key);
        if (problem) return problem;
      }
      return undefined;
    }
    if (!isPlainObject(value)) return `${key}: Unexpected ${Object.prototype.toString.call(value).slice(8, -1)}`;
    for (const field in value) {
      const problem = visit((value as Record<string, unknown>)[field], depth + 1, field);
      if (problem) return problem;
    }
    return undefined;
  };
  return visit(request, 0, 'request');
}
