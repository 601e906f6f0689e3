// formatPlanTree: TiDB's tree prefixes, post-order ids, brief format, N/A estimates and ANALYZE columns.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPlanTree, formatTime } from '../../../../src/sql/planner/format-plan-tree.js';
import type { ExplainNode } from '../../../../src/sql/planner/format-plan-tree.js';

const leaf = (operator: string, role?: string): ExplainNode => ({ operator, role, estRows: 10, accessObject: 'table:t', info: 'keep order:false', children: [] });

const tree: ExplainNode = {
  operator: 'Projection',
  estRows: 10,
  accessObject: '',
  info: 'd.t.a',
  children: [
    {
      operator: 'HashJoin',
      estRows: 12.5,
      accessObject: '',
      info: 'inner join',
      children: [
        { operator: 'TableReader', role: 'Build', estRows: 10, accessObject: '', info: 'data:TableFullScan', children: [leaf('TableFullScan')] },
        leaf('Point_Get', 'Probe'),
      ],
    },
  ],
};

describe('formatPlanTree', () => {
  it('draws the tree with TiDB prefixes and numbers operators children first', () => {
    const ids = formatPlanTree(tree, { isBrief: false, isAnalyze: false }).map((row) => row[0]);
    assert.deepEqual(ids, ['Projection_5', '└─HashJoin_4', '  ├─TableReader_2(Build)', '  │ └─TableFullScan_1', '  └─Point_Get_3(Probe)']);
  });

  it('prints estRows with two decimals and the root task', () => {
    const rows = formatPlanTree(tree, { isBrief: false, isAnalyze: false });
    assert.deepEqual(rows[1], ['└─HashJoin_4', '12.50', 'root', '', 'inner join']);
  });

  it('drops the id suffixes in brief format', () => {
    const ids = formatPlanTree(tree, { isBrief: true, isAnalyze: false }).map((row) => row[0]);
    assert.deepEqual(ids, ['Projection', '└─HashJoin', '  ├─TableReader(Build)', '  │ └─TableFullScan', '  └─Point_Get(Probe)']);
  });

  it('prints N/A for a write operator estimate', () => {
    const rows = formatPlanTree({ operator: 'Insert', estRows: undefined, accessObject: '', info: 'N/A', children: [] }, { isBrief: false, isAnalyze: false });
    assert.deepEqual(rows, [['Insert_1', 'N/A', 'root', '', 'N/A']]);
  });

  it('adds actRows, execution info, memory and disk for ANALYZE', () => {
    const node: ExplainNode = { ...leaf('TableFullScan'), stats: { rows: 3, loops: 2, timeMs: 1.5 } };
    assert.deepEqual(formatPlanTree(node, { isBrief: false, isAnalyze: true }), [
      ['TableFullScan_1', '10.00', '3', 'root', 'table:t', 'time:1.50ms, loops:2', 'keep order:false', 'N/A', 'N/A'],
    ]);
  });

  it('formats durations as TiDB does', () => {
    assert.equal(formatTime(0.25), '250.0µs');
    assert.equal(formatTime(12.345), '12.35ms');
    assert.equal(formatTime(2500), '2.50s');
  });
});
