// Configuration discovery and validation, shared by the CLI and the language server.
export {
  resolveConfig, findConfigFile, formatConfigError, isIgnoredByConfig, loadConfigFile, parseConfigText, mergeEditorSettings, createConfigCache,
  unreadConfigNames, CONFIG_FILES,
  type ResolvedConfig, type ConfigError, type ConfigCache, type ResolveOptions, type EditorSettings, type ValueOrigin, type IgnoreSet,
} from './resolve.js';
export { ConfigSchema, configJsonSchema, configReference, SEVERITY_SETTINGS, CITATION_STYLES, CONFIG_KEYS, closest, type ConfigFile } from './schema.js';
