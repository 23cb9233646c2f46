import { Construct } from "constructs";
import { LandingZoneRegistry } from "./config";
import { RegistryTransfer, SharedTransferResources } from "./registry-transfer";

/** Props of the landing zone's transfer layer. */
export interface TransferLandingZoneProps extends SharedTransferResources {
  /** The registries, each given an export and an import pipeline. */
  readonly registries: readonly LandingZoneRegistry[];
}

/**
 * ACR Transfer for every registry of a landing zone, from one typed config. All pipelines act as
 * one user-assigned identity and keep their SAS tokens in one vault, so the library makes one
 * access policy for them all, and one role assignment per managed-identity container.
 */
export class TransferLandingZone extends Construct {
  /** Each registry's pipelines, in config order. */
  public readonly registries: readonly RegistryTransfer[];

  /** Declares the pipelines of every registry in `props.registries`. */
  public constructor(scope: Construct, id: string, props: TransferLandingZoneProps) {
    super(scope, id);
    const { registries, ...shared } = props;
    this.registries = registries.map(
      (config) => new RegistryTransfer(this, config.key, { config, shared }),
    );
  }
}
