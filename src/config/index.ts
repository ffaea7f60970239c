export { ConfigError, loadConfig, loadEnvFile, parseConfig, requireSettings, LOG_LEVELS, type Config, type LogLevel } from "./env.js";
