/** A mistake in the configuration or the environment, told to the user as is (no stack trace). */
class ConfigError extends Error {}

module.exports = { ConfigError }
