/**
 * A field name with `*` is a pattern over field names (`*`, `customer.*`): Elasticsearch searches every field it
 * names. Only the server reading makes such names.
 */
export const isFieldPattern = (field: string): boolean => field.includes("*");

/** The field paths a pattern names, as a regular expression over dotted paths. */
export function fieldPattern(field: string): RegExp {
  const source = field.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${source}$`);
}
