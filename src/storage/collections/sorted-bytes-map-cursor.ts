// A bidirectional cursor over a SortedBytesMap that nobody writes to (a fork), used by scans.
import type { Bytes } from '../kv.js';
import type { BranchNode, LeafNode, SortedBytesMap, TreeNode } from './sorted-bytes-map.js';
import { routeKey, searchKeys } from './sorted-bytes-map.js';

/**
 * A position in a frozen SortedBytesMap. Positioning (`seek*`) and stepping are O(log n) worst case, O(1) within a
 * leaf. The map must not change while the cursor is used: take it over `map.fork()`.
 */
export class SortedBytesMapCursor<V> {
  private readonly branches: BranchNode<V>[] = [];
  private readonly indexes: number[] = [];
  private leaf: LeafNode<V> | undefined;
  private index = 0;

  constructor(private readonly map: SortedBytesMap<V>) {}

  /** True while the cursor stands on an entry. */
  get isValid(): boolean {
    return this.leaf !== undefined;
  }

  /** The key under the cursor; only while `isValid`. */
  get key(): Bytes {
    return this.leaf!.keys[this.index]!;
  }

  /** The value under the cursor; only while `isValid`. */
  get value(): V {
    return this.leaf!.values[this.index]!;
  }

  /** Moves to the first key >= `key` (the first key of all when `key` is undefined). */
  seekGE(key: Bytes | undefined): this {
    this.resetPath();
    const leaf = key === undefined ? this.descendEdge(this.map.rootNode, false) : this.descend(key);
    const at = key === undefined ? 0 : searchKeys(leaf.keys, key);
    this.index = at >= 0 ? at : ~at;
    this.leaf = leaf.keys.length > 0 ? leaf : undefined;
    if (this.leaf !== undefined && this.index >= leaf.keys.length) this.stepLeaf(true);
    return this;
  }

  /** Moves to the last key < `key` (the last key of all when `key` is undefined). */
  seekLT(key: Bytes | undefined): this {
    this.resetPath();
    const leaf = key === undefined ? this.descendEdge(this.map.rootNode, true) : this.descend(key);
    if (key === undefined) {
      this.index = leaf.keys.length - 1;
    } else {
      const at = searchKeys(leaf.keys, key);
      this.index = (at >= 0 ? at : ~at) - 1;
    }
    this.leaf = leaf.keys.length > 0 ? leaf : undefined;
    if (this.leaf !== undefined && this.index < 0) this.stepLeaf(false);
    return this;
  }

  /** Steps to the next key; the cursor becomes invalid past the last one. */
  next(): void {
    const leaf = this.leaf;
    if (leaf === undefined) return;
    if (++this.index < leaf.keys.length) return;
    this.stepLeaf(true);
  }

  /** Steps to the previous key; the cursor becomes invalid before the first one. */
  prev(): void {
    if (this.leaf === undefined) return;
    if (--this.index >= 0) return;
    this.stepLeaf(false);
  }

  private resetPath(): void {
    this.branches.length = 0;
    this.indexes.length = 0;
  }

  /** Walks from the root towards `key`, recording the path. */
  private descend(key: Bytes): LeafNode<V> {
    let node = this.map.rootNode;
    while (!node.isLeaf) {
      const i = routeKey(node, key);
      this.branches.push(node);
      this.indexes.push(i);
      node = node.children[i]!;
    }
    return node;
  }

  /** Walks from `from` to its first (or last) leaf, extending the recorded path. */
  private descendEdge(from: TreeNode<V>, toLast: boolean): LeafNode<V> {
    let node = from;
    while (!node.isLeaf) {
      const i = toLast ? node.children.length - 1 : 0;
      this.branches.push(node);
      this.indexes.push(i);
      node = node.children[i]!;
    }
    return node;
  }

  /** Moves to the first entry of the next leaf (or last entry of the previous one); invalid when there is none. */
  private stepLeaf(forward: boolean): void {
    for (let depth = this.branches.length - 1; depth >= 0; depth--) {
      const branch = this.branches[depth]!;
      const i = this.indexes[depth]! + (forward ? 1 : -1);
      if (i < 0 || i >= branch.children.length) continue;
      this.branches.length = depth + 1;
      this.indexes.length = depth + 1;
      this.indexes[depth] = i;
      const leaf = this.descendEdge(branch.children[i]!, !forward);
      this.leaf = leaf;
      this.index = forward ? 0 : leaf.keys.length - 1;
      return;
    }
    this.leaf = undefined;
  }
}
