export * from "./auth";
export * from "./audible";
export * from "./library";
export * from "./sync";
