const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: "es2021",
    },
    module: { type: "commonjs" },
  },
]

const ignore = ["/node_modules/", "/dist/", "/build/", "/.data/"]

// shared packages are used from their TypeScript sources, so tests need no build
const moduleNameMapper = {
  "^@shabou/api-params$": "<rootDir>/packages/api-params/src/index.ts",
  "^@shabou/ops$": "<rootDir>/packages/ops/src/index.ts",
  "^@shabou/sql$": "<rootDir>/packages/sql/src/index.ts",
  "^@shabou/text$": "<rootDir>/packages/text/src/index.ts",
  "^@shabou/vehicle-label$": "<rootDir>/packages/vehicle-label/src/index.ts",
}

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform: { "^.+\\.[jt]s$": swc },
      testMatch: [
        "<rootDir>/src/**/*.spec.ts",
        "<rootDir>/plugins/*/src/**/*.spec.ts",
        "<rootDir>/packages/*/src/**/*.spec.ts",
        "<rootDir>/scripts/**/*.spec.js",
      ],
      testPathIgnorePatterns: ignore,
      moduleNameMapper,
      modulePathIgnorePatterns: ["<rootDir>/build/", "<rootDir>/.data/"],
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      transform: { "^.+\\.[jt]s$": swc },
      testMatch: ["<rootDir>/integration-tests/**/*.test.ts"],
      testPathIgnorePatterns: ignore,
      moduleNameMapper,
      modulePathIgnorePatterns: ["<rootDir>/build/", "<rootDir>/.data/"],
      globalSetup: "<rootDir>/integration-tests/setup/global-setup.js",
      globalTeardown: "<rootDir>/integration-tests/setup/global-teardown.js",
    },
  ],
}
