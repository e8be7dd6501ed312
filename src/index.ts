/**
 * secuq: parse, build, validate, format and evaluate Secuconnect `q` queries, read exactly as the server reads them.
 *
 * @packageDocumentation
 */
export type {
  AndQuery,
  Bound,
  ExistsQuery,
  NotQuery,
  OrQuery,
  PatternPart,
  PatternValue,
  FuzzyValue,
  RegexpValue,
  Query,
  QueryType,
  RangeQuery,
  Span,
  TermQuery,
  TextValue,
  Value,
} from "./ast/types.js";
export * as ast from "./ast/factories.js";
export { equals } from "./ast/equals.js";
export { walk, childrenOf } from "./ast/walk.js";
export { QuerySyntaxError, QueryValidationError } from "./diagnostics/errors.js";
export { InvalidQueryError } from "./ast/errors.js";
export type { Diagnostic, Fix, TextEdit, RelatedLocation } from "./diagnostics/diagnostic.js";
export { applyFix, applyFixes } from "./diagnostics/fixes.js";
export { diagnosticCatalog, type DiagnosticCode, type CatalogEntry, type Severity } from "./diagnostics/catalog.js";
export { printDiagnostics, type PrintDiagnosticsOptions } from "./diagnostics/print.js";
export { parse, tryParse, type ParseOptions, type ParseResult } from "./syntax/parse.js";
export type { Reading } from "./syntax/parse.js";
export { serialize, type QueryLike } from "./serialize/serialize.js";
export { format } from "./serialize/format.js";
export { validate, type ValidateOptions, type ValidationResult } from "./validate/validate.js";
export {
  validateSort,
  validateFields,
  type ParameterOptions,
  type ParameterValidation,
} from "./validate/parameters.js";
export { defineSchema, field, type FieldSchema, type FieldOptions } from "./schema/schema.js";
export type {
  FieldDefinition,
  FieldInfo,
  FieldMap,
  FieldsOf,
  FieldType,
  RecordOf,
  SchemaSpec,
  SpecEntry,
} from "./schema/schema-types.js";
export {
  smartTransactionSchema,
  type SmartTransactionFields,
  type SmartTransactionRecord,
} from "./schema/smart-transaction-schema.js";
export { smartTransactionMapping } from "./schema/smart-transaction-mapping.js";
export { indexDefinition, MAPPED_TYPES, type FieldMapping, type IndexDefinition } from "./schema/mapping.js";
export { matches, filter, compileMatcher, type MatchTextOptions } from "./evaluate/matches.js";
export { compileQuery, type MatchOptions } from "./evaluate/compile.js";
export { complete, type Completion, type CompletionKind, type CompleteOptions } from "./complete/complete.js";
export { highlight, type Highlight, type HighlightKind } from "./complete/highlight.js";
export { q, queryBuilder } from "./builder/builder.js";
export { smartTransactionQuery } from "./builder/smart-transaction.js";
export type {
  AnyFieldBuilder,
  BetweenOptions,
  EqualityConditions,
  ExistsCondition,
  OrderConditions,
  PatternCondition,
  FieldBuilder,
  PlainQueryFactory,
  PlainValue,
  QueryBuilder,
  SchemaQueryFactory,
  ValueOf,
} from "./builder/types.js";
export {
  createClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  ENVIRONMENTS,
  MAX_URL_LENGTH,
  RESULT_WINDOW,
} from "./client/client.js";
export {
  AuthenticationError,
  NetworkError,
  RequestTooLongError,
  ResponseTooLargeError,
  SecuconnectApiError,
  TimeoutError,
  type ApiErrorPayload,
} from "./client/errors.js";
export type {
  ClientOptions,
  Environment,
  FindAllParams,
  FindParams,
  SecuconnectClient,
  SmartTransaction,
  SmartTransactionList,
  SortDirection,
} from "./client/types.js";
