import { nearMiss } from "../arm/near-miss";
import { TransferValidationError } from "../validation/error";

/** What a public endpoint does with a request that no network rule admits. */
export enum NetworkDefaultAction {
  /** Admit it (Azure's default: "Enabled from all networks"). */
  ALLOW = "Allow",
  /** Turn it away (the firewall is on: "Enabled from selected networks"). */
  DENY = "Deny",
}

/** A network posture as the team that manages a storage account or vault states it. */
export interface NetworkPostureProps {
  /**
   * Whether the public endpoint is enabled (`public_network_access_enabled`). False leaves
   * only private endpoints (and, for Key Vault, trusted services).
   * @default true
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * What the public endpoint does with requests no rule admits (`default_action`).
   * @default NetworkDefaultAction.ALLOW
   */
  readonly defaultAction?: NetworkDefaultAction;
  /**
   * Whether Azure's trusted services bypass the rules (`bypass` holds `AzureServices`).
   * @default true (Azure's default for storage accounts and vaults)
   */
  readonly trustedServicesBypass?: boolean;
}

/**
 * A statement that ACR Transfer reaches a network-restricted storage account anyway, with the
 * reason. Give it only for a path you verified with a pipeline run (see docs/networking.md).
 */
export interface NetworkRestrictionAcknowledgement {
  /** The network path that admits ACR Transfer, and how it was verified; shown at every synth. */
  readonly reason: string;
}

/**
 * How a storage account or Key Vault admits network traffic, as far as ACR Transfer cares: the
 * public endpoint, its default action and the trusted-services bypass. Read from the azurerm
 * resource when the app declares it, or stated for resources made elsewhere. Settings left
 * unknown (a Terraform token) are never checked.
 */
export class NetworkPosture {
  /** Public endpoint enabled, open to all networks: Azure's default. */
  public static open(): NetworkPosture {
    return new NetworkPosture(true, NetworkDefaultAction.ALLOW, true, "declared");
  }

  /**
   * A posture as stated by the team that manages the resource. Settings of the wrong kind
   * ("false", "deny") are refused, never read as Azure's defaults.
   */
  public static of(props: NetworkPostureProps): NetworkPosture {
    checkPostureProps(props);
    return new NetworkPosture(
      props.publicNetworkAccessEnabled ?? true,
      props.defaultAction ?? NetworkDefaultAction.ALLOW,
      props.trustedServicesBypass ?? true,
      "declared",
    );
  }

  /**
   * A posture read from a resource's settings; undefined settings are unknown.
   * @internal
   */
  public static _read(
    source: string,
    publicNetworkAccessEnabled: boolean | undefined,
    defaultAction: NetworkDefaultAction | undefined,
    trustedServicesBypass: boolean | undefined,
  ): NetworkPosture {
    return new NetworkPosture(
      publicNetworkAccessEnabled,
      defaultAction,
      trustedServicesBypass,
      source,
    );
  }

  /**
   * Whether the public endpoint is enabled.
   * @default unknown
   */
  public readonly publicNetworkAccessEnabled?: boolean;
  /**
   * The default action of the public endpoint's rules.
   * @default unknown
   */
  public readonly defaultAction?: NetworkDefaultAction;
  /**
   * Whether trusted Azure services bypass the rules.
   * @default unknown
   */
  public readonly trustedServicesBypass?: boolean;
  /** Where the posture comes from: "declared", or the construct it was read from. */
  public readonly source: string;
  /**
   * That ACR Transfer reaches the resource anyway, and why.
   * @default none
   */
  public readonly acknowledgement?: NetworkRestrictionAcknowledgement;

  private constructor(
    publicNetworkAccessEnabled: boolean | undefined,
    defaultAction: NetworkDefaultAction | undefined,
    trustedServicesBypass: boolean | undefined,
    source: string,
    acknowledgement?: NetworkRestrictionAcknowledgement,
  ) {
    this.publicNetworkAccessEnabled = publicNetworkAccessEnabled;
    this.defaultAction = defaultAction;
    this.trustedServicesBypass = trustedServicesBypass;
    this.source = source;
    this.acknowledgement = acknowledgement;
  }

  /**
   * Whether the public endpoint turns away callers that no rule names: public access disabled,
   * or default action Deny. Undefined while a deciding setting is unknown.
   */
  public get restrictsPublicEndpoint(): boolean | undefined {
    if (this.publicNetworkAccessEnabled === false) return true;
    if (this.defaultAction === NetworkDefaultAction.DENY) return true;
    if (this.publicNetworkAccessEnabled === undefined || this.defaultAction === undefined) {
      return undefined;
    }
    return false;
  }

  /** The deciding settings in words, with Terraform's argument names. */
  public describe(): string {
    const parts: string[] = [];
    if (this.publicNetworkAccessEnabled === false) {
      parts.push("public network access is disabled (public_network_access_enabled = false)");
    }
    if (this.defaultAction === NetworkDefaultAction.DENY) {
      parts.push('network rules deny by default (default_action = "Deny")');
    }
    if (parts.length === 0) parts.push("public endpoint admits all networks");
    const bypass =
      this.trustedServicesBypass === false
        ? ', and trusted services do not bypass them (bypass without "AzureServices")'
        : "";
    const from = this.source === "declared" ? "as declared" : `as read from ${this.source}`;
    return `${parts.join(" and ")}${bypass} (${from})`;
  }

  /**
   * The same posture, with an acknowledgement that ACR Transfer reaches the resource anyway.
   * @internal
   */
  public _acknowledged(acknowledgement?: NetworkRestrictionAcknowledgement): NetworkPosture {
    if (!acknowledgement) return this;
    return new NetworkPosture(
      this.publicNetworkAccessEnabled,
      this.defaultAction,
      this.trustedServicesBypass,
      this.source,
      acknowledgement,
    );
  }
}

const WHERE = "NetworkPosture.of";

/**
 * The settings of NetworkPosture.of: an object of booleans and a NetworkDefaultAction. A
 * restricted account read as open would pass the network check and fail every run, so nothing
 * is guessed ("deny" is not read as "Deny", nor "false" as true).
 */
function checkPostureProps(props: NetworkPostureProps): NetworkPostureProps {
  if (typeof props !== "object" || props === null || Array.isArray(props)) {
    throw new TransferValidationError(WHERE, "props", props, {
      problem: props === undefined || props === null ? "is missing" : "is not an object",
      rule: "a stated posture gives the resource's settings: publicNetworkAccessEnabled, defaultAction, trustedServicesBypass",
      fix: "pass { publicNetworkAccessEnabled, defaultAction, trustedServicesBypass } (each optional), or NetworkPosture.open() for Azure's default",
    });
  }
  for (const member of ["publicNetworkAccessEnabled", "trustedServicesBypass"] as const) {
    const value: unknown = props[member];
    if (value === undefined || typeof value === "boolean") continue;
    throw new TransferValidationError(WHERE, member, value, {
      problem: `is ${typeof value === "string" ? "a string" : "not a boolean"}`,
      rule: `${member} is true or false`,
      fix: 'pass true or false (a boolean, not the string "true" or "false")',
    });
  }
  const action: unknown = props.defaultAction;
  const actions: string[] = Object.values(NetworkDefaultAction);
  if (action !== undefined && !actions.includes(action as string)) {
    const near = typeof action === "string" ? nearMiss(action, actions) : undefined;
    const member = Object.entries(NetworkDefaultAction).find(([, v]) => v === near)?.[0];
    throw new TransferValidationError(WHERE, "defaultAction", action, {
      problem: near
        ? "differs from a NetworkDefaultAction in case"
        : "is not a NetworkDefaultAction",
      rule: 'one of "Allow", "Deny" (the case matters: a restricted account read as open would pass the network check)',
      fix: near
        ? `did you mean "${near}" (NetworkDefaultAction.${member})?`
        : "use NetworkDefaultAction.ALLOW or NetworkDefaultAction.DENY",
    });
  }
  return props;
}
