import { inform } from "../private/annotations";
import { IConstruct } from "constructs";
import {
  AZAPI_BASELINE_VERSION,
  AZAPI_FIRST_EMBEDDING,
  azapiEmbedsSchema,
  azapiFloor,
  azapiVersionConstraint,
} from "./embedded-schemas";
import { AzapiResourceConfig } from "./resource";

/**
 * The `azapi_resource` settings an azapi `type` needs at its api-version, with an info note on
 * `scope` when it is not the ordinary case: schema validation is turned off for an ACR Transfer
 * api-version no azapi release embeds (azapi would refuse it), and an api-version only newer
 * releases embed raises the stack's azapi version constraint (AzapiResource does the raising).
 */
export function azapiSchemaSettings(
  scope: IConstruct,
  type: string,
): Pick<AzapiResourceConfig, "schemaValidationEnabled"> {
  const apiVersion = type.slice(type.lastIndexOf("@") + 1);
  const floor = azapiFloor(type);
  if (!azapiEmbedsSchema(type)) {
    const raised =
      floor === AZAPI_BASELINE_VERSION
        ? ""
        : `; the stack's azapi version constraint is raised to ${azapiVersionConstraint(floor)} ` +
          "or higher, the releases that embed the same pipeline schema at an earlier api-version";
    inform(
      scope,
      `api-version ${apiVersion} is embedded in no azapi release (up to 2.12), and azapi refuses ` +
        "an api-version it does not embed: the resource sets schema_validation_enabled = false, " +
        `so azapi sends its body unchecked (this library's own checks still apply)${raised}`,
    );
    return { schemaValidationEnabled: false };
  }
  if (floor !== AZAPI_BASELINE_VERSION) {
    inform(
      scope,
      `api-version ${apiVersion} is embedded in azapi from ${AZAPI_FIRST_EMBEDDING[apiVersion]} ` +
        "on (older releases refuse it at plan), so the stack's azapi version constraint is " +
        `raised from ${azapiVersionConstraint(AZAPI_BASELINE_VERSION)} to ` +
        `${azapiVersionConstraint(floor)} or higher: AzapiProvider writes it into ` +
        "required_providers; with your own azapi provider binding, write " +
        "azapiVersionConstraintOf(stack) there",
    );
  }
  return {};
}
