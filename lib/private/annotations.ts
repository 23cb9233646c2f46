import { AnnotationMetadataEntryType, Annotations } from "../core/cdk";
import { IConstruct } from "constructs";
import { redactSecrets } from "../arm/secret-text";

/**
 * The one way the library annotates a construct: every warning and note passes through
 * `redactSecrets` as a whole, so no SAS signature or storage key reaches `cdktf synth` output, the
 * manifest or a CI log. The architecture test refuses `Annotations.of` and annotation metadata
 * anywhere else in lib/.
 */

/** A warning on `scope`, shown by `cdktf synth` and kept in the manifest. */
export function warn(scope: IConstruct, message: string): void {
  Annotations.of(scope).addWarning(redactSecrets(message));
}

/** An info note on `scope`. */
export function inform(scope: IConstruct, message: string): void {
  Annotations.of(scope).addInfo(redactSecrets(message));
}

/**
 * An annotation of `type` without a stack trace: the manifest then names no folder of the
 * machine, and the same app gives the same manifest.json.
 */
export function annotateWithoutTrace(
  scope: IConstruct,
  type: AnnotationMetadataEntryType,
  message: string,
): void {
  scope.node.addMetadata(type, redactSecrets(message), { stackTrace: false });
}
