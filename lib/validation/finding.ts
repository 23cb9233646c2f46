import { IConstruct } from "constructs";
import { fail } from "./check";
import { Violation } from "../arm/violation";

/** What a pure rule across several props found: the prop it blames, the value to show, the violation. */
export interface Finding {
  /** The prop blamed. */
  readonly subject: string;
  /** The value shown in the message. */
  readonly value: unknown;
  /** What is wrong and how to mend it. */
  readonly violation: Violation;
}

/** Throws the finding as a TransferValidationError naming the construct's path; nothing when undefined. */
export function failOn(scope: IConstruct, finding: Finding | undefined): void {
  if (finding) fail(scope, finding.subject, finding.value, finding.violation);
}
