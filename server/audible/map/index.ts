export { mapLibraryItem, type MapOptions } from "./map-item";
export { seriesSortKey, mapSeries } from "./series-sort";
export { sanitizeDescription, type SanitizedDescription } from "./description";
export { readProgress, type ProgressValues, type ListenStatus } from "./progress";
export { neverBackwards, type PreviousProgress } from "./never-backwards";
export { latestFinishedAt, mergeFinishedEvents, type FinishedEventInput } from "./finished-events";
export { canonicalJson, withContentHash, withStateHash } from "./hashes";
export { parseTimestamp } from "./values";
export type { MapResult, MappedItem, MediaValues, SkippedItem, UserMediaValues } from "./types";
