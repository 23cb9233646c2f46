import { Violation } from "./violation";

const REGION_NAME = /^[a-z][a-z0-9]*$/;
const RULE =
  'an Azure region name: lowercase letters and digits, such as "eastus" or "usgovvirginia"';

/**
 * An Azure location as ARM takes it: the region name ("eastus"), not its display name ("East
 * US"). A display name is refused with the name to use.
 */
export function checkLocation(location: string): Violation | undefined {
  if (REGION_NAME.test(location)) return undefined;
  if (location.trim() === "") {
    return {
      problem: "is empty",
      rule: "a pipeline's location is an Azure region name",
      fix: "set it to the registry's region, e.g. \"eastus\", or leave it unset to use the registry's",
    };
  }
  // A display name ("East US", "West Europe 2") maps to its region name; anything else does not.
  const name = location.toLowerCase().replace(/ +/g, "");
  const displayName = /^[A-Za-z][A-Za-z0-9 ]*$/.test(location.trim());
  return {
    problem: "is not a region name",
    rule: RULE,
    fix: displayName ? `use "${name.trim()}"` : 'use the region\'s name, e.g. "eastus"',
  };
}
