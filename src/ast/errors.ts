/**
 * Thrown when code builds a query node that cannot exist, such as an `and` with one operand, an empty field name
 * or a pattern without a wildcard. Parsed text never produces one.
 */
export class InvalidQueryError extends TypeError {
  override readonly name = "InvalidQueryError";
  readonly code = "ERR_INVALID_QUERY";
}
