// Kept so that existing imports of db/embedded.js keep working: the file-reading part is in
// io/embedded.ts, the compiled form (pure) in compiled.ts. New code imports those (or db/index.ts).
export * from './io/embedded.js';
export * from './compiled.js';
