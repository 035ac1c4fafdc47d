export { readConfig, ConfigError, type ServerConfig } from './config.js';
