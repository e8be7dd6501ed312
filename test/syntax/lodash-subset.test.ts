import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import * as lodash from "lodash-es/lodash.js";
import * as viaAlias from "lodash-es";
import { describe, expect, it } from "vitest";
import * as subset from "../../src/syntax/lodash-subset.js";
import { runs } from "../property-runs.js";

const modules = fileURLToPath(new URL("../../node_modules/", import.meta.url));

/** Every name chevrotain's modules import from lodash-es. */
function namesChevrotainImports(): Set<string> {
  const names = new Set<string>();
  const packages = ["chevrotain", ...readdirSync(join(modules, "@chevrotain")).map((name) => `@chevrotain/${name}`)];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".js")) {
        for (const [, list] of readFileSync(path, "utf8").matchAll(/import\s*\{([^}]*)\}\s*from\s*"lodash-es"/g)) {
          for (const item of list!.split(",")) if (item.trim()) names.add(item.trim().split(/\s+as\s+/)[0]!);
        }
      }
    }
  };
  for (const name of packages) if (existsSync(join(modules, name, "lib/src"))) visit(join(modules, name, "lib/src"));
  return names;
}

describe("the lodash functions carried in place of lodash", () => {
  it("include every function chevrotain imports from lodash-es", () => {
    const names = namesChevrotainImports();
    expect(names.size).toBeGreaterThan(30);
    expect([...names].filter((name) => typeof (subset as Record<string, unknown>)[name] !== "function")).toEqual([]);
  });

  it("are what lodash-es resolves to in the tests, as in the published build", () => {
    expect(viaAlias.map).toBe(subset.map);
  });

  // What chevrotain gives them: arrays, strings, plain objects, nothing; functions as iteratees.
  const scalar = fc.oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.string({ maxLength: 3 }),
    fc.constantFrom(undefined, null, true, NaN),
  );
  const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
  const array = fc.array(value, { maxLength: 6 });
  const object = fc.dictionary(fc.string({ maxLength: 3 }), value, { maxKeys: 5 });
  const collection = fc.oneof(array, object, fc.string({ maxLength: 5 }), fc.constantFrom(undefined, null));
  const predicates = [
    (v: unknown) => typeof v === "number" && v > 0,
    (v: unknown) => typeof v === "string",
    (v: unknown) => v == null,
    (v: unknown) => Array.isArray(v),
  ];
  const predicate = fc.integer({ min: 0, max: predicates.length - 1 }).map((i) => predicates[i]!);

  /** The same call on both, with the calls each makes of its iteratee recorded. */
  function bothWith(name: string, input: unknown, iteratee?: (...args: unknown[]) => unknown, ...rest: unknown[]) {
    const run = (library: Record<string, unknown>) => {
      const calls: unknown[][] = [];
      const fn = iteratee && ((...args: unknown[]) => (calls.push(args.slice(0, 2)), iteratee(...args)));
      const result = (library[name] as (...args: unknown[]) => unknown)(input, ...(fn ? [fn] : []), ...rest);
      return { result, calls };
    };
    return [run(subset), run(lodash)] as const;
  }

  const collectionFunctions = ["forEach", "map", "filter", "reject", "find", "every", "some", "flatMap", "groupBy"];
  it.each(collectionFunctions)("%s matches lodash, iteratee calls included", (name) => {
    fc.assert(
      fc.property(
        name === "groupBy" || name === "flatMap" ? fc.oneof(array, object) : collection,
        predicate,
        (input, fn) => {
          const [ours, theirs] = bothWith(name, input, fn);
          expect(ours).toEqual(theirs);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("reduce matches lodash, with and without a first accumulator", () => {
    const concat = (accumulator: unknown, item: unknown, key: unknown) =>
      `${String(accumulator)}|${String(key)}=${String(item)}`;
    fc.assert(
      fc.property(collection, fc.boolean(), (input, seeded) => {
        const args = seeded ? [concat, "start"] : [concat];
        const call = (library: Record<string, unknown>) =>
          (library.reduce as (...a: unknown[]) => unknown)(input, ...args);
        expect(call(subset as Record<string, unknown>)).toEqual(call(lodash as unknown as Record<string, unknown>));
      }),
      { numRuns: runs(300) },
    );
  });

  const unary = [
    "values",
    "keys",
    "isEmpty",
    "flatten",
    "uniq",
    "compact",
    "first",
    "last",
    "clone",
    "isArray",
    "isString",
    "isFunction",
    "isObject",
    "isRegExp",
    "isUndefined",
    "identity",
  ];
  it.each(unary)("%s matches lodash", (name) => {
    fc.assert(
      fc.property(
        fc.oneof(
          collection,
          scalar,
          fc.constant(/a+/g),
          fc.constant(() => 1),
        ),
        (input) => {
          const [ours, theirs] = bothWith(name, input);
          expect(ours.result).toEqual(theirs.result);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("includes, indexOf, difference, drop, dropRight, has and pickBy match lodash", () => {
    fc.assert(
      fc.property(array, value, fc.integer({ min: -1, max: 8 }), object, predicate, (items, item, n, record, fn) => {
        const same = (name: string, ...args: unknown[]) => {
          const call = (library: Record<string, unknown>) => (library[name] as (...a: unknown[]) => unknown)(...args);
          expect(call(subset as Record<string, unknown>), name).toEqual(
            call(lodash as unknown as Record<string, unknown>),
          );
        };
        same("includes", items, item);
        same("includes", record, item);
        same("includes", "abc", typeof item === "string" ? item : "b");
        same("indexOf", items, item);
        same("difference", items, [item], items.slice(0, 2));
        same("drop", items, n);
        same("dropRight", items, n);
        same("drop", items);
        same("dropRight", items);
        for (const key of [...Object.keys(record), "missing"]) same("has", record, key);
        same("pickBy", record, fn);
      }),
      { numRuns: runs(300) },
    );
  });

  it("assign, defaults and upperFirst match lodash", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.dictionary(fc.string({ maxLength: 2 }), value), fc.dictionary(fc.string({ maxLength: 2 }), value)),
        fc.string({ maxLength: 4 }),
        ([a, b], text) => {
          expect(subset.assign({ ...a }, b)).toEqual(lodash.assign({ ...a }, b));
          expect(subset.defaults({ ...a }, b, { extra: 1 })).toEqual(lodash.defaults({ ...a }, b, { extra: 1 }));
          expect(subset.upperFirst(text)).toEqual(lodash.upperFirst(text));
          expect(subset.defaults(undefined, b)).toEqual(lodash.defaults(undefined, b));
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
