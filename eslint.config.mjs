// Lint rules: typescript-eslint's recommended set, plus a ban on the azurerm package root
// (it loads 1,500 modules; import one submodule instead).
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "cdktf.out/", "docs/api/", "test/.generated/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@cdktf/provider-azurerm",
              message: "import a submodule, e.g. @cdktf/provider-azurerm/lib/key-vault-secret",
            },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Tests read synthesized Terraform JSON, whose shape is only known at run time.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
