import { defineConfig } from "vitest/config";

// Test files share one module registry per worker (isolate: false): each file would otherwise
// load cdktf and the azurerm bindings again, which is most of the suite's time on two cores.
// Files keep their own state: every test builds its own App, and the library keeps none at
// module level (see docs/architecture.md, "One ledger per app").
export default defineConfig({
  test: {
    pool: "threads",
    isolate: false,
    // Speed is measured in `npm run bench`, never by a timed test: 5 s (vitest's default) is
    // exceeded by CPU-bound tests when other jobs share the two cores.
    testTimeout: 60_000,
  },
});
