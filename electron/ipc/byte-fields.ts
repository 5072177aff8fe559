// Where a channel's request may carry bytes: the names of the fields whose schema is bytes (a Uint8Array), directly or
// as a list. Read from the contract's zod schemas, so a channel added later is covered without listing it anywhere.
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
}

/** zod 4 keeps a schema's definition here; only the kinds the contract uses are looked into. */
export const schemaDef = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema inside optional / default / nullable / readonly / pipe wrappers. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = schemaDef(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
  return current;
}

const isBytes = (schema: z.ZodType) => schemaDef(unwrapSchema(schema)).type === 'custom';

export function byteFieldNames(schema: z.ZodType): ReadonlySet<string> {
  const names = new Set<string>();
  const seen = new Set<z.ZodType>();
  const visit = (node: z.ZodType) => {
    const s = unwrapSchema(node);
    if (seen.has(s)) return;
    seen.add(s);
    const def = schemaDef(s);
    for (const [key, field] of Object.entries(def.shape ?? {})) {
      const element = schemaDef(unwrapSchema(field)).element;
      if (isBytes(field) || (element && isBytes(element))) names.add(key);
      visit(field);
    }
    for (const child of [def.element, def.left, def.right, ...(def.options ?? [])]) if (child) visit(child);
  };
  visit(schema);
  return names;
}
