// lodash's own entry module, which the tests import by path to compare with src/syntax/lodash-subset.ts (the bare
// name "lodash-es" resolves to that file in the tests, as in the published build).
declare module "lodash-es/lodash.js" {
  export * from "lodash-es";
}
