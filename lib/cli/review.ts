import { SharedThing } from "../model/cross-stack";
import { PolicyRecord } from "../model/policy-results";
import { SynthAnnotation } from "../model/synth-output";

/**
 * The review of a synthesized app: what `review --format json` prints, and what the Markdown
 * report is rendered from. Values are shown as the synthesized JSON writes them, with
 * references to resources of the stack replaced by those resources' names where known.
 */
export interface Review {
  /** Always "cdktf-acr-transfer-review". */
  readonly format: string;
  /** Version of this shape. */
  readonly version: number;
  /** Counts over all stacks. */
  readonly totals: ReviewTotals;
  /** One entry per stack, by name. */
  readonly stacks: readonly StackReview[];
  /** Why `--strict` fails; empty when it passes. */
  readonly gate: readonly GateFailure[];
}

/** One reason `--strict` exits 1. */
export interface GateFailure {
  /** The stack ("" for the app as a whole). */
  readonly stack: string;
  /** What fails, in words. */
  readonly reason: string;
}

/** Counts over all stacks. */
export interface ReviewTotals {
  /** Stacks reviewed. */
  readonly stacks: number;
  /** Export and import pipelines. */
  readonly pipelines: number;
  /** Pipeline runs. */
  readonly runs: number;
  /** Access policies and role assignments. */
  readonly grants: number;
  /** SAS token secrets. */
  readonly secrets: number;
  /** Policy findings at level error that no suppression covers. */
  readonly policyErrors: number;
  /** Policy findings at level warning that no suppression covers. */
  readonly policyWarnings: number;
  /** Policy findings a suppression covers. */
  readonly suppressed: number;
  /** Stacks with transfer resources that no TransferPolicyPack visited. */
  readonly stacksWithoutPolicy: number;
  /** Plan red flags. */
  readonly redFlags: number;
}

/** The review of one stack. */
export interface StackReview {
  /** Stack name. */
  readonly name: string;
  /** The Mermaid flowchart (without the code fence). */
  readonly mermaid: string;
  /** Export and import pipelines. */
  readonly pipelines: readonly PipelineRow[];
  /** Pipeline runs. */
  readonly runs: readonly RunRow[];
  /** Access policies and role assignments. */
  readonly grants: readonly GrantRow[];
  /** SAS token secrets pipelines read. */
  readonly secrets: readonly SecretRow[];
  /** What the stack declares that other stacks read (identities, vaults, accounts, containers). */
  readonly shared: readonly SharedThing[];
  /** Blob copies between containers, matched by blob name from export runs to import runs. */
  readonly copies: readonly CopyRow[];
  /** What TransferPolicyPack recorded; undefined when no pack visited the stack. */
  readonly policy?: PolicyRecord;
  /** Every annotation of the synth (manifest.json). */
  readonly annotations: readonly SynthAnnotation[];
  /** The plan files given for this stack. */
  readonly plans: readonly string[];
  /** Red flags of those plans. */
  readonly redFlags: readonly RedFlag[];
}

/** An export or import pipeline. */
export interface PipelineRow {
  /** Terraform address. */
  readonly address: string;
  /** "export" or "import". */
  readonly side: string;
  /** Pipeline name. */
  readonly name: string;
  /** Registry name (or parent_id as written). */
  readonly registry: string;
  /** The api-version. */
  readonly apiVersion: string;
  /** The identity type and the acting identity, e.g. `UserAssigned: id-acr-transfer`. */
  readonly identity: string;
  /** "ManagedIdentity" or "SasToken". */
  readonly storageAccessMode: string;
  /** `<account>/<container>`. */
  readonly container: string;
  /** Export or import options. */
  readonly options: readonly string[];
  /** Import pipelines: "Enabled" or "Disabled". */
  readonly sourceTrigger?: string;
}

/** A pipeline run. */
export interface RunRow {
  /** Terraform address. */
  readonly address: string;
  /** Run name. */
  readonly name: string;
  /** "export" or "import". */
  readonly side?: string;
  /** The pipeline's name; a pipeline outside the stack is marked so. */
  readonly pipeline: string;
  /** Export runs: the artifacts. */
  readonly artifacts: readonly string[];
  /**
   * Import runs: the artifacts of the export runs (in any reviewed stack) that write the blob
   * it reads; absent for export runs and when no such export run is known.
   */
  readonly importsFrom?: readonly string[];
  /** The blob written (export) or read (import). */
  readonly blob?: string;
  /** forceUpdateTag. */
  readonly rerunToken?: string;
}

/** An access policy or role assignment. */
export interface GrantRow {
  /** Terraform address. */
  readonly address: string;
  /** Who holds it. */
  readonly principal: string;
  /** What it is on: a container, a vault, a secret, or the scope as written. */
  readonly scope: string;
  /** The role, or the access policy's secret permissions. */
  readonly access: string;
}

/** A SAS token secret. */
export interface SecretRow {
  /** Terraform address; none for existing secrets. */
  readonly address?: string;
  /** Secret name. */
  readonly name: string;
  /** Vault name, when known. */
  readonly vault?: string;
  /** "write-only", "generated", "value" or "existing". */
  readonly kind: string;
  /** value_wo_version. */
  readonly writeOnlyVersion?: string;
  /** expiration_date. */
  readonly expiry?: string;
  /** Names of the pipelines that read it. */
  readonly usedBy: readonly string[];
}

/** A blob copy between two containers, known from a pair of runs. */
export interface CopyRow {
  /** Blob name. */
  readonly blob: string;
  /** Stack of the export run. */
  readonly fromStack: string;
  /** Container the export pipeline writes. */
  readonly fromContainer: string;
  /** Stack of the import run. */
  readonly toStack: string;
  /** Container the import pipeline reads. */
  readonly toContainer: string;
}

/** Something in a plan a reviewer must see. */
export interface RedFlag {
  /** "run", "pipeline", "grant" or "secret". */
  readonly kind: string;
  /** Terraform address. */
  readonly address: string;
  /** The plan's actions, joined: "create", "update", "delete", "delete, create", "forget"; with "(import)" or "(moved from <address>)" when the plan says so. */
  readonly actions: string;
  /** What it means, in words. */
  readonly summary: string;
}
