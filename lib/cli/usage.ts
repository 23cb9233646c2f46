/** `cdktf-acr-transfer review --help`. */
export const REVIEW_USAGE = `Usage: cdktf-acr-transfer review <cdktf.out dir | stack dir> [options]

Prints a review of the synthesized ACR Transfer stacks, in Markdown for a pull request: the
summary, the plan's red flags and the standing policy findings first, then per stack a Mermaid
flowchart, the pipelines, runs, grants and SAS token secrets, the policy results with every
suppression and its reason, and the synth's annotations.

Options:
  --plan <file>          \`terraform show -json\` output of a stack's plan; adds the reviewer's
                         red flags (runs that run or re-run, pipelines replaced, destroyed or
                         forgotten, grants removed, secrets rotated or deleted). Repeatable.
  --format <format>      markdown (default), json, or sarif (SARIF 2.1.0 for code scanning)
  --max-length <n>       the Markdown report's limit in characters (default 65000, one
                         pull-request comment; 0 for no limit)
  --full-report <file>   also write the full Markdown report to <file> (for a job summary)
  --strict               exit 1 when a policy finding or an error annotation stands, a stack
                         with transfer resources has no policy pack, a policy record does not
                         match its stack, or there are no stacks
  -h, --help             show this help

Exit codes: 0 reviewed; 1 with --strict, the gate fails; 2 usage or input error (one line on
standard error).

Also: cdktf-acr-transfer providers-mirror [options]: the Terraform providers the stacks
require, for a machine without the Terraform registry (providers-mirror --help).
`;

/** `cdktf-acr-transfer providers-mirror --help`. */
export const MIRROR_USAGE = `Usage: cdktf-acr-transfer providers-mirror [options]

Prints (or, with --run, runs) what takes the Terraform providers of the synthesized stacks to a
machine without the Terraform registry: terraform providers lock and mirror on a connected
machine, the provider_installation block for the air-gapped side, and the deploy commands in
stack-dependency order (export stacks, the blob copy, import stacks).

Options:
  --out <dir>             cdktf output directory (default: cdktf.out)
  --mirror <dir>          where the mirror is written (default: terraform-providers)
  --platform <os_arch>    a platform to lock and mirror, repeatable (default: linux_amd64)
  --target-path <dir>     where the mirror will live on the air-gapped machine
                          (default: the mirror's absolute path)
  --network-mirror <url>  use a network mirror at <url> instead of a filesystem mirror
  --run                   run the lock and mirror commands (needs registry.terraform.io) and
                          write <mirror>/terraform.tfrc
  -h, --help              print this text

The Terraform binary is $TERRAFORM, else terraform on PATH.
Exit codes: 0 done; 2 usage or input error; with --run, a failing command's exit code.
`;
