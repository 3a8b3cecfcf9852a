// ESLint (flat config): typescript-eslint's recommended rules for every
// TypeScript and JavaScript file we own; formatting is Prettier's job
// (eslint-config-prettier turns the stylistic rules off). `npm run lint`
// runs this and `prettier --check`; CI runs `npm run lint` before the tests.
const js = require("@eslint/js")
const tseslint = require("typescript-eslint")
const prettier = require("eslint-config-prettier")
const reactHooks = require("eslint-plugin-react-hooks")
const globals = require("globals")

module.exports = tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "build/**",
      ".data/**",
      ".cache/**",
      "data/**",
      "uploads/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.node, ...globals.jest },
    },
    rules: {
      // raw SQL rows are typed where they are read; `any` stays allowed
      // at the driver boundary (pg and TypeORM return untyped rows)
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrors: "none",
          ignoreRestSiblings: true,
        },
      ],
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    // scripts and configuration are CommonJS run by Node
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      // `const crypto = require("crypto")` shadows the global on purpose
      "no-redeclare": ["error", { builtinGlobals: false }],
    },
  },
  {
    files: ["src/admin/**/*.tsx", "src/admin/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  prettier
)
