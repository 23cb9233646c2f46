import { annotateWithoutTrace } from "../private/annotations";
import { AnnotationMetadataEntryType, Token } from "../core/cdk";
import { IConstruct } from "constructs";
import { resolveIn } from "../private/resolve";
import { IKeyVaultRef } from "../references/key-vault";
import { ITransferContainer } from "../containers/transfer-container";
import { TransferValidationError } from "../validation/error";
import { Finding } from "../validation/finding";
import { NetworkPosture } from "../network/network-posture";
import { storageNetworkFinding, vaultNetworkFinding } from "../network/rules";

/** What the network check needs of a pipeline's secret. */
interface SecretFacts {
  readonly secretUri: string;
  readonly keyVault?: IKeyVaultRef;
}

/**
 * Checks, at synth, that ACR Transfer can reach the pipeline's storage account and (in SAS
 * token mode) its vault through their networks. A validation, not a constructor check: the
 * account's network rules may be declared after the pipeline, and one synth reports every
 * pipeline. Postures are read when the validation runs; unknown ones are not checked.
 */
export function watchPipelineNetwork(
  pipeline: IConstruct,
  container: ITransferContainer,
  secret?: SecretFacts,
): void {
  let noted = false;
  pipeline.node.addValidation({
    validate: () => {
      const findings: Finding[] = [];
      const account = container.storageAccount;
      const accountPosture = account?.networkPosture;
      if (account && accountPosture) {
        const accountName = shown(account.accountName);
        findings.push(
          ...present(
            storageNetworkFinding({
              accountName,
              containerUrl: container.containerUrl,
              posture: accountPosture,
            }),
          ),
        );
        if (!noted) noteAcknowledgement(pipeline, accountName, accountPosture);
      }
      const vault = secret?.keyVault;
      const vaultPosture = vault?.networkPosture;
      if (secret && vault && vaultPosture) {
        findings.push(
          ...present(
            vaultNetworkFinding({
              vaultName: shown(vault.vaultName),
              secretUri: secret.secretUri,
              posture: vaultPosture,
            }),
          ),
        );
      }
      noted = true;
      return findings.map(
        (f) =>
          new TransferValidationError(
            pipeline.node.path,
            f.subject,
            resolveIn(pipeline, f.value),
            f.violation,
          ).message,
      );
    },
  });
}

/** An acknowledged restriction shows in the synth output, once per pipeline. */
function noteAcknowledgement(pipeline: IConstruct, accountName: string, posture: NetworkPosture) {
  if (posture.restrictsPublicEndpoint !== true || !posture.acknowledgement) return;
  // An info annotation without a stack trace: the trace would write local paths into cdktf.out.
  annotateWithoutTrace(
    pipeline,
    AnnotationMetadataEntryType.INFO,
    `storage account "${accountName}": ${posture.describe()}, which ACR Transfer cannot pass as a ` +
      `trusted service; acknowledged: ${posture.acknowledgement.reason}`,
  );
}

function present(finding: Finding | undefined): Finding[] {
  return finding ? [finding] : [];
}

/** A name for messages: the literal, or a placeholder for one known only at apply time. */
function shown(name: string): string {
  return Token.isUnresolved(name) ? "(known at apply time)" : name;
}
