#!/usr/bin/env node
// The `cdktf-acr-transfer` command (package.json "bin"). Dependency-free: Node's own modules and
// the package's model readers, never cdktf, so it starts fast on a CI runner.
import { runCli } from "./run-cli";

process.exitCode = runCli(process.argv.slice(2));
