import { TransferDefinition } from "./arm-schema";

/** One azapi_resource of an ACR Transfer type, as an ARM template resource. */
export interface ArmResource {
  /** The Terraform address, for messages. */
  readonly address: string;
  /** Which schema definition applies. */
  readonly definition: TransferDefinition;
  /** The api-version from the azapi type. */
  readonly apiVersion: string;
  /** The resource as an ARM template would carry it (apiVersion set by the caller). */
  readonly resource: Record<string, unknown>;
}

const DEFINITIONS: Record<string, TransferDefinition> = {
  "Microsoft.ContainerRegistry/registries/exportPipelines": "registries_exportPipelines",
  "Microsoft.ContainerRegistry/registries/importPipelines": "registries_importPipelines",
  "Microsoft.ContainerRegistry/registries/pipelineRuns": "registries_pipelineRuns",
};

/** Every ACR Transfer azapi_resource of a synthesized stack, turned into ARM resources. */
export function transferResources(synth: Record<string, any>): ArmResource[] {
  const out: ArmResource[] = [];
  for (const [name, config] of Object.entries<any>(synth.resource?.azapi_resource ?? {})) {
    const [type, apiVersion] = String(config.type).split("@");
    const definition = DEFINITIONS[type];
    if (!definition) continue;
    const identity = config.identity?.[0];
    out.push({
      address: `azapi_resource.${name}`,
      definition,
      apiVersion,
      resource: {
        type,
        name: config.name,
        ...(config.location !== undefined ? { location: config.location } : {}),
        ...(identity
          ? {
              identity: {
                type: identity.type,
                ...(identity.identity_ids
                  ? {
                      userAssignedIdentities: Object.fromEntries(
                        identity.identity_ids.map((id: string) => [id, {}]),
                      ),
                    }
                  : {}),
              },
            }
          : {}),
        ...config.body,
      },
    });
  }
  return out;
}
