import { NO_BLOB_DELETE_CONDITION } from "../arm/roles";
import {
  ContainerKey,
  Grant,
  IdentityModel,
  PipelineRunModel,
  TransferModel,
} from "../model/transfer-model";

/** How people name the parts of one stack's model. */
export class StackNames {
  private readonly identities: ReadonlyMap<string, IdentityModel>;
  private readonly pipelineNames: ReadonlyMap<string, string>;

  /** Names for `model`. */
  public constructor(private readonly model: TransferModel) {
    this.identities = new Map(model.identities.map((i) => [i.key, i]));
    this.pipelineNames = new Map(model.pipelines.map((p) => [p.address, p.name]));
  }

  /** `<account>/<name>`, or the name alone when the account is unknown. */
  public static container(container: ContainerKey | undefined): string {
    if (!container) return "unknown";
    return container.account ? `${container.account}/${container.name}` : container.name;
  }

  /** The identity behind a principal key. */
  public principal(key: string): string {
    const identity = this.identities.get(key);
    if (!identity) return key;
    if (identity.kind === "user") return `user-assigned ${identity.name}`;
    return identity.kind === "system" ? identity.name : `principal ${identity.name}`;
  }

  /** A pipeline's name by address, or its address. */
  public pipeline(address: string): string {
    return this.pipelineNames.get(address) ?? address;
  }

  /** The pipeline a run runs: its name, or the last segment of an ID from outside the stack. */
  public runPipeline(run: PipelineRunModel): string {
    if (run.pipeline !== undefined) return this.pipeline(run.pipeline);
    const id = run.pipelineId;
    return `${id.slice(id.lastIndexOf("/") + 1)} (outside this stack)`;
  }

  /** What a grant is on. */
  public static scope(grant: Grant): string {
    const target = grant.target;
    if (target.kind === "access-policy") return `vault ${target.vault}`;
    const scope = target.scope;
    if (scope.kind === "container") return `container ${StackNames.container(scope.container)}`;
    if (scope.kind === "secret") return `secret ${scope.secret} in vault ${scope.vault}`;
    if (scope.kind === "vault") return `vault ${scope.vault}`;
    return grant.scope;
  }

  /** The role, or the access policy's secret permissions. */
  public static access(grant: Grant): string {
    const target = grant.target;
    if (target.kind === "role") {
      if (target.condition === undefined) return target.role;
      const which = target.condition === NO_BLOB_DELETE_CONDITION ? "no blob delete" : "condition";
      return `${target.role} (ABAC: ${which})`;
    }
    const permissions = target.secretPermissions.join(", ") || "none";
    return `access policy: secrets ${permissions}${target.readOnly ? "" : " (and more)"}`;
  }

  /** The names of the pipelines at `addresses`. */
  public pipelines(addresses: readonly string[]): string[] {
    return addresses.map((a) => this.pipeline(a));
  }

  /** The model the names are for. */
  public get transfer(): TransferModel {
    return this.model;
  }
}
