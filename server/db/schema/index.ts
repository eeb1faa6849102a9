export * from "./auth";
export * from "./audible";
