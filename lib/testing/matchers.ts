import { IConstruct } from "constructs";
import type { MatcherState } from "vitest";
import {
  EXPORT_PIPELINE_TYPE,
  IMPORT_PIPELINE_TYPE,
  PIPELINE_RUN_TYPE,
} from "../arm/resource-types";
import { KEY_VAULT_SECRETS_USER } from "../arm/roles";
import { ITransferPipeline } from "../pipelines/pipeline";
import { resolveIn } from "../private/resolve";
import { ConformanceOptions, checkTransferConformance } from "../model/conformance";
import {
  Mismatch,
  closestCandidate,
  formatMismatch,
  partialMismatches,
} from "../model/partial-match";
import { AddressedBlock, TerraformBlock, resourcesOfType } from "../model/terraform-json";
import { SynthesizedInput, toSynthesized } from "../model/synthesized-input";
import { baseType } from "../arm/resource-types";

/**
 * The harness's matchers. Each takes a TerraformStack (synthesized with synthJson), its
 * synthesized JSON string, or that JSON parsed.
 */
export interface TransferMatchers<R = unknown> {
  /**
   * The stack has an `azapi_resource` of `type` (`Microsoft.X/y@<api-version>`, or without
   * `@<api-version>` for any version) whose `body` deep-partially matches `partialBody`.
   */
  toHaveAzapiResource(type: string, partialBody?: object): R;
  /** The stack has an export pipeline whose resource block deep-partially matches `partial`. */
  toHaveExportPipeline(partial?: object): R;
  /** The stack has an import pipeline whose resource block deep-partially matches `partial`. */
  toHaveImportPipeline(partial?: object): R;
  /** The stack has a pipeline run whose resource block deep-partially matches `partial`. */
  toHavePipelineRun(partial?: object): R;
  /**
   * The stack lets the pipeline's acting principal read secrets: an access policy whose
   * secret_permissions include "Get", or a Key Vault Secrets User role assignment.
   */
  toGrantSecretRead(pipeline: ITransferPipeline & IConstruct): R;
  /** checkTransferConformance finds nothing. */
  toPassTransferConformance(options?: ConformanceOptions): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends TransferMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends TransferMatchers {}
}

/** What a matcher returns to vitest. */
export interface MatcherOutcome {
  /** Whether the stack matched. */
  readonly pass: boolean;
  /** The failure (or, under .not, the match) explained. */
  readonly message: () => string;
}

const MAX_MISMATCHES_SHOWN = 10;

/** The matchers, for `expect.extend(transferMatchers)` (setup.mjs does it for you). */
export const transferMatchers = {
  toHaveAzapiResource(
    this: MatcherState,
    received: unknown,
    type: string,
    partialBody: object = {},
  ): MatcherOutcome {
    const blocks = azapiResources(received);
    const wanted = type.toLowerCase();
    const ofType = blocks.filter(({ block }) =>
      wanted.includes("@")
        ? String(block.type).toLowerCase() === wanted
        : baseType(block.type) === wanted,
    );
    return matchBlocks(`an azapi_resource of type ${type}`, ofType, blocks, (block) =>
      partialMismatches(partialBody, block.body, "body"),
    );
  },

  toHaveExportPipeline(
    this: MatcherState,
    received: unknown,
    partial: object = {},
  ): MatcherOutcome {
    return matchType(received, EXPORT_PIPELINE_TYPE, "an export pipeline", partial);
  },

  toHaveImportPipeline(
    this: MatcherState,
    received: unknown,
    partial: object = {},
  ): MatcherOutcome {
    return matchType(received, IMPORT_PIPELINE_TYPE, "an import pipeline", partial);
  },

  toHavePipelineRun(this: MatcherState, received: unknown, partial: object = {}): MatcherOutcome {
    return matchType(received, PIPELINE_RUN_TYPE, "a pipeline run", partial);
  },

  toGrantSecretRead(
    this: MatcherState,
    received: unknown,
    pipeline: ITransferPipeline & IConstruct,
  ): MatcherOutcome {
    const doc = toSynthesized(received as SynthesizedInput);
    const principal: unknown = resolveIn(pipeline, pipeline.principalId);
    const expecting = (blocks: AddressedBlock[], expected: object) =>
      blocks.map((b) => ({ ...b, expected }));
    const candidates = [
      ...expecting(resourcesOfType(doc, "azurerm_key_vault_access_policy"), {
        object_id: principal,
        secret_permissions: ["Get"],
      }),
      ...expecting(resourcesOfType(doc, "azurerm_role_assignment"), {
        principal_id: principal,
        role_definition_name: KEY_VAULT_SECRETS_USER,
      }),
    ];
    const what =
      `an azurerm_key_vault_access_policy with secret_permissions "Get" or a "${KEY_VAULT_SECRETS_USER}" ` +
      `role assignment for ${String(principal)} (the principal of ${pipeline.node.path})`;
    return outcome(
      what,
      candidates.length,
      closestCandidate(candidates, (c) => partialMismatches(c.expected, c.block)),
      "; the stack has no access policy or role assignment",
    );
  },

  toPassTransferConformance(
    this: MatcherState,
    received: unknown,
    options: ConformanceOptions = {},
  ): MatcherOutcome {
    const violations = checkTransferConformance(received as SynthesizedInput, options);
    return {
      pass: violations.length === 0,
      message: () =>
        violations.length === 0
          ? "expected the stack to break the ACR Transfer conformance rules, but it passes them"
          : `expected the stack to pass the ACR Transfer conformance rules, but:\n${violations.map((v) => `  - ${v}`).join("\n")}`,
    };
  },
};

function azapiResources(received: unknown): AddressedBlock[] {
  return resourcesOfType(toSynthesized(received as SynthesizedInput), "azapi_resource");
}

function matchType(
  received: unknown,
  resourceType: string,
  what: string,
  partial: object,
): MatcherOutcome {
  const blocks = azapiResources(received);
  const ofType = blocks.filter(({ block }) => baseType(block.type) === resourceType.toLowerCase());
  return matchBlocks(`${what} (${resourceType})`, ofType, blocks, (block) =>
    partialMismatches(partial, block),
  );
}

function matchBlocks(
  what: string,
  candidates: AddressedBlock[],
  all: AddressedBlock[],
  mismatchesOf: (block: TerraformBlock) => Mismatch[],
): MatcherOutcome {
  const types = [...new Set(all.map(({ block }) => String(block.type)))].sort();
  const none =
    types.length > 0
      ? `; its azapi_resource types are ${types.join(", ")}`
      : "; it has no azapi_resource";
  const closest = closestCandidate(candidates, (c) => mismatchesOf(c.block));
  return outcome(`${what} matching the partial`, candidates.length, closest, none);
}

function outcome(
  what: string,
  count: number,
  closest: { candidate: AddressedBlock; mismatches: Mismatch[] } | undefined,
  whenNone: string,
): MatcherOutcome {
  const pass = closest !== undefined && closest.mismatches.length === 0;
  return {
    pass,
    message: () => {
      if (!closest) return `expected the stack to have ${what}, but it has none${whenNone}`;
      const address = closest.candidate.address;
      if (pass) return `expected the stack not to have ${what}, but ${address} matches`;
      const shown = closest.mismatches
        .slice(0, MAX_MISMATCHES_SHOWN)
        .map((m) => `  ${formatMismatch(m)}`);
      const hidden = closest.mismatches.length - shown.length;
      return [
        `expected the stack to have ${what}; the closest of ${count} is ${address}, which differs at:`,
        ...shown,
        ...(hidden > 0 ? [`  ...and ${hidden} more`] : []),
      ].join("\n");
    },
  };
}
