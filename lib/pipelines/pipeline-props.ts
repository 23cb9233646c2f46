import { Token } from "../core/cdk";
import { Construct } from "constructs";
import { TransferSide } from "../arm/options";
import { reasonRule } from "../arm/reasons";
import { USER_ASSIGNED_IDENTITY_ID, resourceIdRule } from "../arm/resource-ids";
import {
  check,
  expectEnum,
  expectProps,
  expectProvider,
  expectShape,
  refuseSecret,
  fail,
  warn,
} from "../validation/check";
import { PipelineIdentity, PipelineIdentityType } from "./pipeline-identity";
import { checkLocation, unknownRegion } from "../arm/locations";
import { TransferPipelineProps } from "./transfer-pipeline-props";
import { TransferWarningIds } from "../arm/warning-ids";

/** Props the types require, checked for callers the types do not reach (JavaScript, JSON). */
export function checkPipelineProps(
  pipeline: Construct & { readonly side: TransferSide },
  props: TransferPipelineProps,
): void {
  expectProps(
    pipeline,
    props,
    pipeline.side === TransferSide.EXPORT ? "ExportPipelineProps" : "ImportPipelineProps",
  );
  expectShape(
    pipeline,
    "registry",
    props.registry,
    "object",
    true,
    "pass RegistryRef.fromRegistryId(...) or RegistryRef.fromContainerRegistry(...)",
  );
  expectShape(
    pipeline,
    "container",
    props.container,
    "object",
    true,
    "pass a TransferContainer, or TransferContainer.fromUrl(...)",
  );
  expectShape(
    pipeline,
    "storageAccess",
    props.storageAccess,
    "object",
    true,
    "pass StorageAccess.managedIdentity() or StorageAccess.sasToken(secret)",
  );
  expectShape(
    pipeline,
    "registry.registryId",
    props.registry.registryId,
    "string",
    true,
    "pass RegistryRef.fromRegistryId(...), or an IRegistryRef whose registryId is the registry's ARM ID",
  );
  expectShape(
    pipeline,
    "container.containerUrl",
    props.container.containerUrl,
    "string",
    true,
    "pass TransferContainer.fromUrl(...), or an ITransferContainer whose containerUrl is the container's URL",
  );
  expectShape(pipeline, "pipelineName", props.pipelineName, "string");
  expectShape(pipeline, "storageRoleName", props.storageRoleName, "string", false);
  expectShape(pipeline, "customStorageRoleReason", props.customStorageRoleReason, "string", false);
  check(
    pipeline,
    "customStorageRoleReason",
    props.customStorageRoleReason,
    reasonRule(
      "a custom storage role, which may grant more than blob data,",
      "say why this role is right: which actions it has and why a built-in role does not fit",
    ),
  );
  expectProvider(pipeline, "provider", props.provider);
  expectProvider(pipeline, "azurermProvider", props.azurermProvider);
}

const USER_IDENTITY_FIX =
  "pass PipelineIdentity.userAssigned(UserIdentity.fromIdentityId(scope, id, identityId)) or " +
  "PipelineIdentity.userAssigned(UserIdentity.fromUserAssignedIdentity(identity))";

/**
 * The pipeline's identity (system-assigned unless given), checked: a known type, and where the
 * type names a user-assigned identity, one with an ARM ID and the principal its grants go to.
 */
export function pipelineIdentity(
  pipeline: Construct,
  props: TransferPipelineProps,
): PipelineIdentity {
  const identity =
    expectShape(
      pipeline,
      "identity",
      props.identity,
      "object",
      false,
      "pass PipelineIdentity.systemAssigned(), .userAssigned(identity) or .systemAndUserAssigned(identity)",
    ) ?? PipelineIdentity.systemAssigned();
  expectEnum(
    pipeline,
    "identity.type",
    identity.type,
    PipelineIdentityType,
    "PipelineIdentityType",
  );
  if (identity.type === PipelineIdentityType.SYSTEM_ASSIGNED) return identity;
  const user = expectShape(
    pipeline,
    "identity.userIdentity",
    identity.userIdentity,
    "object",
    true,
    USER_IDENTITY_FIX,
  );
  expectShape(
    pipeline,
    "identity.userIdentity.identityId",
    user!.identityId,
    "string",
    true,
    USER_IDENTITY_FIX,
  );
  check(pipeline, "identity", user!.identityId, resourceIdRule(USER_ASSIGNED_IDENTITY_ID));
  for (const member of ["principalId", "tenantId"] as const) {
    expectShape(
      pipeline,
      `identity.userIdentity.${member}`,
      user![member],
      "string",
      true,
      USER_IDENTITY_FIX,
    );
  }
  return identity;
}

/**
 * The pipeline's location: the one given (a region name), else the registry's. A registry's
 * literal location may be a display name, as azurerm takes it ("West Europe"): it becomes the
 * region name ("westeurope"), as azurerm itself stores it.
 */
export function pipelineLocation(pipeline: Construct, props: TransferPipelineProps): string {
  expectShape(pipeline, "location", props.location, "string", false);
  check(pipeline, "location", props.location, checkLocation);
  refuseSecret(pipeline, "registry.location", props.registry.location);
  const location = props.location ?? regionName(props.registry.location);
  if (typeof location === "string" && !Token.isUnresolved(location)) {
    const unknown = unknownRegion(location);
    if (unknown) warn(pipeline, TransferWarningIds.UNKNOWN_REGION, "location", location, unknown);
  }
  if (location === undefined) {
    fail(pipeline, "location", undefined, {
      problem: "is not set and the registry's location is unknown",
      rule: "a pipeline has a location; it defaults to the registry's when the registry knows it",
      fix: 'set location (e.g. "eastus"), or pass RegistryRef.fromRegistryId(..., { location })',
    });
  }
  return location;
}

/** A literal location as a region name (lowercase, letters and digits only); tokens as they are. */
function regionName(location: string | undefined): string | undefined {
  if (typeof location !== "string" || Token.isUnresolved(location)) return location;
  return location.toLowerCase().replace(/[^a-z0-9]/g, "") || undefined;
}
