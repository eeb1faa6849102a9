/** Shared zod schemas for Amazon/Audible responses: tolerant of nulls and unknown keys. */
export * from "./schemas/errors";
export * from "./schemas/auth";
export * from "./schemas/product";
export * from "./schemas/library";
export * from "./schemas/catalog";
export * from "./schemas/stats";
