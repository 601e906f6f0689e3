// SortedBytesMap: a copy-on-write B+tree from byte keys to values, with O(1) frozen copies for snapshots and scans.
//
// Every node carries the owner token of the map that created it. A map changes its own nodes in place and copies
// anyone else's (path copying), so `fork()` only has to hand both maps fresh tokens: from then on neither can change
// a node the other can see. This is Clojure's "transient" trick; it makes bulk writes cheap (in place) while a fork
// stays a true point-in-time copy. Deletes merge small neighbours so the tree stays compact.
import type { Bytes } from '../kv.js';
import { compareBytes } from '../bytes.js';

/** Node sizes: a node splits above `max` entries; a shrinking node merges with a neighbour below `min`. */
const NodeSize = { max: 64, min: 16 } as const;

/** Who may change a node in place: the map holding the same token. */
type Owner = object;

/** A leaf: sorted keys with their values. */
export interface LeafNode<V> {
  readonly isLeaf: true;
  owner: Owner;
  keys: Bytes[];
  values: V[];
}

/** An inner node: `keys[i]` is a lower bound for every key under `children[i]` (`keys[0]` is not used for routing). */
export interface BranchNode<V> {
  readonly isLeaf: false;
  owner: Owner;
  keys: Bytes[];
  children: TreeNode<V>[];
}

/** A node of the tree. */
export type TreeNode<V> = LeafNode<V> | BranchNode<V>;

const EMPTY_KEY: Bytes = Buffer.alloc(0);

/** Binary search: the index of `key` in `keys`, or `~insertionPoint` when absent. */
export function searchKeys(keys: readonly Bytes[], key: Bytes): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareBytes(keys[mid]!, key);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid - 1;
    else return mid;
  }
  return ~lo;
}

/** The child of `branch` whose subtree holds `key`: the last child whose lower bound is <= key, or the first. */
export function routeKey<V>(branch: BranchNode<V>, key: Bytes): number {
  const i = searchKeys(branch.keys, key);
  if (i >= 0) return i;
  const insertion = ~i;
  return insertion > 0 ? insertion - 1 : 0;
}

/**
 * An ordered map from byte keys (compared as unsigned bytes) to values. Keys and values are kept by reference:
 * callers must not mutate them after handing them over.
 */
export class SortedBytesMap<V> {
  private root: TreeNode<V>;
  private owner: Owner = {};
  private count = 0;
  /** The new right sibling produced by the last overflowing insert, picked up by the parent. */
  private splitOff: TreeNode<V> | undefined;

  constructor() {
    this.root = { isLeaf: true, owner: this.owner, keys: [], values: [] };
  }

  /** The number of keys. */
  get size(): number {
    return this.count;
  }

  /** The root node, for cursors. */
  get rootNode(): TreeNode<V> {
    return this.root;
  }

  /** The value stored at `key`, or undefined. */
  get(key: Bytes): V | undefined {
    let node = this.root;
    while (!node.isLeaf) node = node.children[routeKey(node, key)]!;
    const i = searchKeys(node.keys, key);
    return i >= 0 ? node.values[i] : undefined;
  }

  /** True when `key` is present. */
  has(key: Bytes): boolean {
    let node = this.root;
    while (!node.isLeaf) node = node.children[routeKey(node, key)]!;
    return searchKeys(node.keys, key) >= 0;
  }

  /** Stores `value` at `key`, replacing any previous value. */
  set(key: Bytes, value: V): void {
    const root = this.insertInto(this.root, key, value);
    const right = this.splitOff;
    if (right === undefined) {
      this.root = root;
      return;
    }
    this.splitOff = undefined;
    this.root = { isLeaf: false, owner: this.owner, keys: [EMPTY_KEY, right.keys[0]!], children: [root, right] };
  }

  /** Removes `key`; true when it was present. */
  delete(key: Bytes): boolean {
    const root = this.removeFrom(this.root, key);
    if (root === undefined) return false;
    let next: TreeNode<V> = root ?? { isLeaf: true, owner: this.owner, keys: [], values: [] };
    while (!next.isLeaf && next.children.length === 1) next = next.children[0]!;
    this.root = next;
    return true;
  }

  /** Removes every key. */
  clear(): void {
    this.owner = {};
    this.count = 0;
    this.root = { isLeaf: true, owner: this.owner, keys: [], values: [] };
  }

  /**
   * A copy of this map in O(1). Both maps share their nodes and copy them on write from now on, so later changes to
   * either are invisible to the other. A fork nobody writes to is a frozen snapshot, safe to scan across awaits.
   */
  fork(): SortedBytesMap<V> {
    this.owner = {};
    const copy = new SortedBytesMap<V>();
    copy.root = this.root;
    copy.count = this.count;
    return copy;
  }

  private writableLeaf(node: LeafNode<V>): LeafNode<V> {
    if (node.owner === this.owner) return node;
    return { isLeaf: true, owner: this.owner, keys: node.keys.slice(), values: node.values.slice() };
  }

  private writableBranch(node: BranchNode<V>): BranchNode<V> {
    if (node.owner === this.owner) return node;
    return { isLeaf: false, owner: this.owner, keys: node.keys.slice(), children: node.children.slice() };
  }

  private writable(node: TreeNode<V>): TreeNode<V> {
    return node.isLeaf ? this.writableLeaf(node) : this.writableBranch(node);
  }

  /** Inserts below `node`; returns the node's writable version and leaves an overflow sibling in `splitOff`. */
  private insertInto(node: TreeNode<V>, key: Bytes, value: V): TreeNode<V> {
    if (node.isLeaf) {
      const i = searchKeys(node.keys, key);
      const leaf = this.writableLeaf(node);
      if (i >= 0) {
        leaf.values[i] = value;
        return leaf;
      }
      const at = ~i;
      if (at === leaf.keys.length) {
        leaf.keys.push(key);
        leaf.values.push(value);
      } else {
        leaf.keys.splice(at, 0, key);
        leaf.values.splice(at, 0, value);
      }
      this.count++;
      if (leaf.keys.length > NodeSize.max) {
        const half = leaf.keys.length >>> 1;
        this.splitOff = {
          isLeaf: true,
          owner: this.owner,
          keys: leaf.keys.slice(half),
          values: leaf.values.slice(half),
        };
        leaf.keys.length = half;
        leaf.values.length = half;
      }
      return leaf;
    }
    const i = routeKey(node, key);
    const child = this.insertInto(node.children[i]!, key, value);
    const branch = this.writableBranch(node);
    branch.children[i] = child;
    const right = this.splitOff;
    if (right !== undefined) {
      branch.children.splice(i + 1, 0, right);
      branch.keys.splice(i + 1, 0, right.keys[0]!);
      this.splitOff = undefined;
      if (branch.children.length > NodeSize.max) {
        const half = branch.children.length >>> 1;
        this.splitOff = {
          isLeaf: false,
          owner: this.owner,
          keys: branch.keys.slice(half),
          children: branch.children.slice(half),
        };
        branch.keys.length = half;
        branch.children.length = half;
      }
    }
    return branch;
  }

  /** Removes below `node`: undefined when the key is absent, null when the node became empty, else the new node. */
  private removeFrom(node: TreeNode<V>, key: Bytes): TreeNode<V> | null | undefined {
    if (node.isLeaf) {
      const i = searchKeys(node.keys, key);
      if (i < 0) return undefined;
      const leaf = this.writableLeaf(node);
      leaf.keys.splice(i, 1);
      leaf.values.splice(i, 1);
      this.count--;
      return leaf.keys.length > 0 ? leaf : null;
    }
    const i = routeKey(node, key);
    const child = this.removeFrom(node.children[i]!, key);
    if (child === undefined) return undefined;
    const branch = this.writableBranch(node);
    if (child === null) {
      branch.children.splice(i, 1);
      branch.keys.splice(i, 1);
      return branch.children.length > 0 ? branch : null;
    }
    branch.children[i] = child;
    if (child.keys.length < NodeSize.min && branch.children.length > 1) this.mergeSmall(branch, i);
    return branch;
  }

  /** Merges the small child at `i` with a neighbour when both fit in one node. */
  private mergeSmall(branch: BranchNode<V>, i: number): void {
    const left = i > 0 ? i - 1 : i;
    const right = left + 1;
    const leftNode = branch.children[left]!;
    const rightNode = branch.children[right]!;
    if (leftNode.keys.length + rightNode.keys.length > NodeSize.max) return;
    const merged = this.writable(leftNode);
    if (merged.isLeaf && rightNode.isLeaf) {
      merged.keys.push(...rightNode.keys);
      merged.values.push(...rightNode.values);
    } else if (!merged.isLeaf && !rightNode.isLeaf) {
      // The right node's own keys[0] may be stale; the parent's separator is a valid bound for its first child.
      merged.keys.push(branch.keys[right]!, ...rightNode.keys.slice(1));
      merged.children.push(...rightNode.children);
    } else {
      return;
    }
    branch.children[left] = merged;
    branch.children.splice(right, 1);
    branch.keys.splice(right, 1);
  }
}
