export * from "./error";
export * from "./violation";
