export * from "./error";
export * from "../arm/violation";
