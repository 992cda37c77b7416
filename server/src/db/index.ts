// The claims database: the pure part (schema, compiling packs from text, namespaces, the compiled
// form, bibliography, regex safety) and io/ (reading pack files and folders and the embedded database).
export * from './schema.js';
export * from './loader.js';
export * from './compiled.js';
export * from './bibliography.js';
export * from './io/embedded.js';
export * from './io/check.js';
