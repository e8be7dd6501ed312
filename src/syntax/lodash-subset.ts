/**
 * Stands in for `lodash-es` inside the published build and the tests (tsup.config.ts, vitest.config.ts): the 38
 * functions chevrotain 11 imports, with lodash's meaning for what chevrotain gives them (arrays, strings, plain
 * objects, `undefined`; functions as iteratees). Lodash's own modules are a fifth of the bundle, and loading and first
 * running them cost about 10 ms of the package's start-up (docs/performance.md). A test compares each function with
 * lodash's on random inputs, and another fails when chevrotain imports a function this file lacks.
 */

/** What lodash's collection functions take: an array-like (array or string), an object, or nothing. */
type Collection = ArrayLike<unknown> | Readonly<Record<string, unknown>> | null | undefined;
type Iteratee<R> = (value: unknown, key: number | string, collection: unknown) => R;

const isLength = (value: unknown): value is number =>
  typeof value === "number" && value > -1 && value % 1 === 0 && value <= Number.MAX_SAFE_INTEGER;

/** Lodash's `isArrayLike`: not a function, with a valid `length` (arrays, strings, `arguments`). */
const isArrayLike = (value: unknown): value is ArrayLike<unknown> =>
  value != null && typeof value !== "function" && isLength((value as { length?: unknown }).length);

/** Calls `visit` with each value and key, array-likes by index and objects by own enumerable key; stops on false. */
function each(collection: unknown, visit: (value: unknown, key: number | string) => unknown): void {
  if (collection == null) return;
  if (isArrayLike(collection)) {
    // A string by UTF-16 unit, as lodash reads it.
    for (let i = 0; i < collection.length; i++) if (visit(collection[i], i) === false) return;
    return;
  }
  const object = Object(collection) as Record<string, unknown>;
  for (const key of Object.keys(object)) if (visit(object[key], key) === false) return;
}

/** The values of a collection, in order, as a new array. */
function toValues(collection: unknown): unknown[] {
  const result: unknown[] = [];
  each(collection, (value) => {
    result.push(value);
  });
  return result;
}

/** An array-like's values (a string's UTF-16 units); anything else gives none, as lodash's array functions do. */
const arrayValues = (array: unknown): unknown[] => (isArrayLike(array) ? toValues(array) : []);

export const isArray = Array.isArray;
export const isString = (value: unknown): value is string =>
  typeof value === "string" || Object.prototype.toString.call(value) === "[object String]";
export const isFunction = (value: unknown): value is (...args: unknown[]) => unknown => typeof value === "function";
export const isObject = (value: unknown): value is object =>
  value !== null && (typeof value === "object" || typeof value === "function");
export const isRegExp = (value: unknown): value is RegExp =>
  Object.prototype.toString.call(value) === "[object RegExp]";
export const isUndefined = (value: unknown): value is undefined => value === undefined;
// eslint-disable-next-line @typescript-eslint/no-empty-function -- lodash's noop
export const noop = (): void => {};
export const identity = <T>(value: T): T => value;

/** Own enumerable keys; an array-like's indexes as strings. */
export function keys(object: unknown): string[] {
  if (object == null) return [];
  if (isArrayLike(object)) return Array.from({ length: object.length }, (_, i) => String(i));
  return Object.keys(Object(object) as object);
}

export const values = (object: Collection): unknown[] => toValues(object);

export const has = (object: unknown, key: string): boolean =>
  object != null && Object.prototype.hasOwnProperty.call(object, key);

export function isEmpty(value: unknown): boolean {
  if (value == null) return true;
  if (Array.isArray(value) || typeof value === "string" || ArrayBuffer.isView(value)) {
    return (value as ArrayLike<unknown>).length === 0;
  }
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  if (typeof value !== "object" && typeof value !== "function") return true;
  return Object.keys(value).length === 0;
}

export function forEach<C extends Collection>(collection: C, iteratee: Iteratee<unknown>): C {
  each(collection, (value, key) => iteratee(value, key, collection));
  return collection;
}

export function map<R>(collection: Collection, iteratee: Iteratee<R>): R[] {
  const result: R[] = [];
  each(collection, (value, key) => {
    result.push(iteratee(value, key, collection));
  });
  return result;
}

export function filter(collection: Collection, predicate: Iteratee<unknown>): unknown[] {
  const result: unknown[] = [];
  each(collection, (value, key) => {
    if (predicate(value, key, collection)) result.push(value);
  });
  return result;
}

export const reject = (collection: Collection, predicate: Iteratee<unknown>): unknown[] =>
  filter(collection, (value, key, all) => !predicate(value, key, all));

export function find(collection: Collection, predicate: Iteratee<unknown>): unknown {
  let found: unknown;
  each(collection, (value, key) => {
    if (!predicate(value, key, collection)) return true;
    found = value;
    return false;
  });
  return found;
}

export function some(collection: Collection, predicate: Iteratee<unknown>): boolean {
  let result = false;
  each(collection, (value, key) => {
    result = Boolean(predicate(value, key, collection));
    return !result;
  });
  return result;
}

export const every = (collection: Collection, predicate: Iteratee<unknown>): boolean =>
  !some(collection, (value, key, all) => !predicate(value, key, all));

export function reduce(
  collection: Collection,
  iteratee: (accumulator: unknown, value: unknown, key: number | string, collection: unknown) => unknown,
  ...initial: [unknown?]
): unknown {
  let started = initial.length > 0;
  let accumulator = initial[0];
  each(collection, (value, key) => {
    if (started) accumulator = iteratee(accumulator, value, key, collection);
    else {
      accumulator = value;
      started = true;
    }
  });
  return accumulator;
}

export function flatten(array: unknown): unknown[] {
  const result: unknown[] = [];
  for (const value of arrayValues(array)) {
    if (Array.isArray(value)) for (const inner of value as unknown[]) result.push(inner);
    else result.push(value);
  }
  return result;
}

export const flatMap = (collection: Collection, iteratee: Iteratee<unknown>): unknown[] =>
  flatten(map(collection, iteratee));

/** Distinct values in order, compared as `Set` does (SameValueZero), as lodash does. */
export const uniq = (array: unknown): unknown[] => [...new Set(arrayValues(array))];

export const compact = (array: unknown): unknown[] => arrayValues(array).filter(Boolean);

export function difference(array: unknown, ...excluded: unknown[]): unknown[] {
  if (!isArrayLike(array) || typeof array === "string") return [];
  const left = new Set(
    excluded.flatMap((list) => (isArrayLike(list) && typeof list !== "string" ? toValues(list) : [])),
  );
  return arrayValues(array).filter((value) => !left.has(value));
}

/** Lodash's `toInteger` for a count, with its default of 1 when absent. */
const count = (n: unknown): number => {
  if (n === undefined) return 1;
  const number = Number(n);
  return Number.isFinite(number) ? Math.trunc(number) : number > 0 ? Number.MAX_SAFE_INTEGER : 0;
};

export const drop = (array: unknown, n?: number): unknown[] => arrayValues(array).slice(Math.max(0, count(n)));

export function dropRight(array: unknown, n?: number): unknown[] {
  const all = arrayValues(array);
  return all.slice(0, Math.max(0, all.length - Math.max(0, count(n))));
}

export const first = (array: unknown): unknown => (isArrayLike(array) && array.length > 0 ? array[0] : undefined);

export const last = (array: unknown): unknown =>
  isArrayLike(array) && array.length > 0 ? array[array.length - 1] : undefined;

/** In an array-like or an object's values, compared by SameValueZero; in a string, as a substring. */
export function includes(collection: Collection, value: unknown): boolean {
  if (typeof collection === "string") return collection.includes(String(value));
  return toValues(collection).includes(value);
}

/** The first index of `value`, compared by SameValueZero (lodash finds NaN too). */
export const indexOf = (array: unknown, value: unknown): number =>
  Number.isNaN(value) ? arrayValues(array).findIndex((item) => Number.isNaN(item)) : arrayValues(array).indexOf(value);

export function groupBy(collection: Collection, iteratee: (value: unknown) => unknown): Record<string, unknown[]> {
  const groups: Record<string, unknown[]> = {};
  each(collection, (value) => {
    const key = String(iteratee(value));
    if (Object.prototype.hasOwnProperty.call(groups, key)) groups[key]!.push(value);
    // Defined, not assigned: a key such as __proto__ is a group like any other.
    else Object.defineProperty(groups, key, { value: [value], enumerable: true, writable: true, configurable: true });
  });
  return groups;
}

/** The own and inherited enumerable properties for which `predicate` holds (chevrotain gives plain objects). */
export function pickBy(object: unknown, predicate: (value: unknown, key: string) => unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (object == null) return result;
  const source = Object(object) as Record<string, unknown>;
  for (const key in source) if (predicate(source[key], key)) result[key] = source[key];
  return result;
}

/** A shallow copy: arrays, regular expressions (with `lastIndex`), and objects with their prototype. */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.slice() as T;
  if (value instanceof RegExp) {
    const copy = new RegExp(value.source, value.flags);
    copy.lastIndex = value.lastIndex;
    return copy as T;
  }
  if (value instanceof Map) return new Map(value) as T;
  if (value instanceof Set) return new Set(value) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (typeof value === "function") return {} as T;
  if (value === null || typeof value !== "object") return value;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return Object.assign(Object.create(prototype) as object, value);
}

export const assign = Object.assign;

/** Sets each property that `object` lacks or holds as `undefined`, from the first source that has it. */
export function defaults(given: unknown, ...sources: unknown[]): Record<string, unknown> {
  // Nothing given is a new object, as in lodash.
  const object = Object(given) as Record<string, unknown>;
  for (const source of sources) {
    if (source == null) continue;
    const from = Object(source) as Record<string, unknown>;
    for (const key in from) {
      const current = object[key];
      const inherited =
        current === Object.prototype[key as keyof object] && !Object.prototype.hasOwnProperty.call(object, key);
      if (current === undefined || inherited) object[key] = from[key];
    }
  }
  return object;
}

export const upperFirst = (text: string | null | undefined): string => {
  const string = text ?? "";
  const firstChar = String.fromCodePoint(string.codePointAt(0) ?? 0);
  return string === "" ? "" : firstChar.toUpperCase() + string.slice(firstChar.length);
};
