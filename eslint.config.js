// Lint: typescript-eslint's strict, type-checked rules (floating promises, unsafe any, needless conditions…) and
// its stylistic set; formatting is Prettier's (eslint-config-prettier turns off the rules that would fight it).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "coverage/",
      "test/lucene/build/",
      "grammar/",
      "src/syntax/cst.ts",
      ".scratch/",
      "test/docs/.generated/",
      "docs/api/",
      "examples/*/dist/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The compiler's noUncheckedIndexedAccess makes every indexed read possibly undefined; where a loop bound or a
      // length check already proves it defined, `!` says so without a runtime check in the parser's hot paths.
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "max-len": ["error", { code: 120, ignoreUrls: false }],
      // Strings are spread into code points on purpose: that is the unit the server's wildcards and bounds count in.
      "@typescript-eslint/no-misused-spread": "off",
      // The lexer's and the fast paths' character classes name control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    // An array spread into a call's arguments overflows the call stack once it holds some 100,000 elements, and in
    // src/ an array's length usually follows the input's: pass arrays, or loop.
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression > SpreadElement, NewExpression > SpreadElement",
          message: "Pass the array, or loop: a spread argument overflows the stack on a large input.",
        },
      ],
    },
  },
  {
    // The public factories, builder and schema check their arguments at run time for callers in plain JavaScript,
    // which the types cannot see; those checks look needless to the type checker.
    files: ["src/ast/factories.ts", "src/builder/builder.ts", "src/schema/schema.ts", "src/validate/*.ts"],
    rules: { "@typescript-eslint/no-unnecessary-condition": "off" },
  },
  {
    // Type tests take methods off objects to check their types, and call what must not compile (@ts-expect-error).
    files: ["**/*.test-d.ts"],
    rules: { "@typescript-eslint/unbound-method": "off", "@typescript-eslint/no-unsafe-call": "off" },
  },
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },
  prettier,
);
