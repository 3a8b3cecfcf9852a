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
        "<rootDir>/scripts/**/*.spec.js",
      ],
      testPathIgnorePatterns: ignore,
      modulePathIgnorePatterns: ["<rootDir>/build/", "<rootDir>/.data/"],
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      transform: { "^.+\\.[jt]s$": swc },
      testMatch: ["<rootDir>/integration-tests/**/*.test.ts"],
      testPathIgnorePatterns: ignore,
      modulePathIgnorePatterns: ["<rootDir>/build/", "<rootDir>/.data/"],
      globalSetup: "<rootDir>/integration-tests/setup/global-setup.js",
      globalTeardown: "<rootDir>/integration-tests/setup/global-teardown.js",
    },
  ],
}
