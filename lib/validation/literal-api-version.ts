import { Token } from "../core/cdk";
import { Construct } from "constructs";
import { DEFAULT_TRANSFER_API_VERSION, checkApiVersion } from "../arm/api-versions";
import { check, expectShape, fail } from "./check";

/**
 * The api-version must be known at synth time: it decides the shape of the body
 * (storageAccessMode exists from 2025-06-01-preview on) and the checks that apply.
 */
export function literalApiVersion(scope: Construct, apiVersion: string): string {
  expectShape(scope, "apiVersion", apiVersion, "string");
  if (Token.isUnresolved(apiVersion)) {
    fail(scope, "apiVersion", apiVersion, {
      problem: "is only known at apply time",
      rule: "the api-version decides the body's shape, so it is a literal",
      fix: `pass one of the listed versions as a string, e.g. "${DEFAULT_TRANSFER_API_VERSION}"`,
    });
  }
  return check(scope, "apiVersion", apiVersion, checkApiVersion);
}
