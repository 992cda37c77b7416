// The document model moved to pipeline/model.ts and its incremental construction to incremental/:
// these re-exports keep the older import path working.
export { Sentence, PlacedBlock, blockConcepts, sourceOffset, sourceRange, type DocModel, type PlacedSection } from './pipeline/document-model.js';
export { AnalysisCache, type ChunkData, type UnitRec, type UnitSlot } from './incremental/analysis-cache.js';
export { buildModel } from './incremental/build.js';
