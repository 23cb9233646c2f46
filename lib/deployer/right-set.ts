import { DeployerRight, DeployerTask } from "./deployer-right";

/** Collects rights, one per (task, role, scope), merging permissions and notes. */
export class RightSet {
  private readonly byKey = new Map<string, DeployerRight>();

  /** Adds `right`, or merges it into the known right of its task, role and scope. */
  public add(right: DeployerRight): void {
    const key = `${right.task}|${right.role}|${right.scope}`;
    const known = this.byKey.get(key);
    if (!known) {
      this.byKey.set(key, { ...right, permissions: [...new Set(right.permissions)] });
      return;
    }
    // Every pipeline and run of a registry adds the same right: keep the known one when it
    // already holds this one's permissions and note.
    const adds = right.permissions.some((p) => !known.permissions.includes(p));
    if (!adds && (right.note === undefined || right.note === known.note)) return;
    const permissions = [...new Set([...known.permissions, ...right.permissions])];
    this.byKey.set(key, { ...right, permissions, note: right.note ?? known.note });
  }

  /** Every right, in the order of DeployerTask, then as found. */
  public list(): DeployerRight[] {
    const order = Object.values(DeployerTask) as string[];
    return [...this.byKey.values()].sort((a, b) => order.indexOf(a.task) - order.indexOf(b.task));
  }
}
