// CREATE / DROP / ALTER for databases, tables, indexes and views; RENAME TABLE; TRUNCATE.
import { parseAlterSequence, parseCreateSequence, parseDropSequence } from './parse-sequence.js';
import type {
  AlterDatabaseStmt,
  AlterTableAction,
  AlterTableStmt,
  ColumnDef,
  ColumnPosition,
  CreateDatabaseStmt,
  CreateIndexStmt,
  CreateTableStmt,
  CreateViewStmt,
  DatabaseOptions,
  DropDatabaseStmt,
  DropIndexStmt,
  DropTableStmt,
  DropTriggerStmt,
  DropViewStmt,
  IndexOptions,
  RenameTableStmt,
  Statement,
  TableConstraint,
  TableName,
  TruncateTableStmt,
  UserSpec,
} from '../ast/index.js';
import { startsQuery } from './parse-expr.js';
import {
  isConstraintStart,
  parseColumnDef,
  parseDefaultValue,
  parseConstraint,
  parseIndexOptions,
  parseIndexParts,
  parseTableOption,
  parseTableOptions,
} from './parse-table-element.js';
import { parseIdentList, parseTableName, parseTableNameList } from './parse-table-ref.js';
import { parseUserSpec } from './parse-user.js';
import { parseAlterUser, parseCreateUser, parseDropUser } from './parse-account.js';
import { parseAlterUserDefaultRole, parseCreateRole, parseDropRole } from './parse-role.js';
import type { Parser } from './parser.js';
import type { Mutable } from './mutable.js';

/** `CREATE …` for the objects handled here; anything else is a syntax error at the object word. */
export function parseCreate(p: Parser): Statement {
  const start = p.tok.start;
  p.expectWord('CREATE');
  if (p.isWord('DATABASE') || p.isWord('SCHEMA')) return parseCreateDatabase(p, start);
  if (p.isWord('USER')) return parseCreateUser(p, start);
  if (p.isWord('ROLE')) return parseCreateRole(p, start);
  if (p.isWord('SEQUENCE') || (p.isWord('TEMPORARY') && p.isWordAt(1, 'SEQUENCE'))) return parseCreateSequence(p, start);
  if (p.isWord('TABLE') || p.isWord('TEMPORARY')) return parseCreateTable(p, start);
  if (p.isWord('INDEX') || p.isWord('UNIQUE') || p.isWord('FULLTEXT') || p.isWord('SPATIAL'))
    return parseCreateIndex(p, start);
  return parseCreateView(p, start, false);
}

function ifNotExists(p: Parser): boolean {
  return p.acceptWords('IF', 'NOT', 'EXISTS');
}

function ifExists(p: Parser): boolean {
  return p.acceptWords('IF', 'EXISTS');
}

function parseCreateDatabase(p: Parser, start: number): CreateDatabaseStmt {
  p.advance();
  const exists = ifNotExists(p);
  const name = p.ident();
  const options = parseDatabaseOptions(p);
  return { kind: 'CreateDatabaseStmt', text: p.textFrom(start), ifNotExists: exists, name, options };
}

/** `[DEFAULT] CHARACTER SET [=] x`, `[DEFAULT] COLLATE [=] y`, `[DEFAULT] ENCRYPTION [=] 'Y'`, any order. */
function parseDatabaseOptions(p: Parser): DatabaseOptions {
  const o: Mutable<DatabaseOptions> = {};
  for (;;) {
    p.acceptWord('DEFAULT');
    if (p.acceptWords('CHARACTER', 'SET') || p.acceptWord('CHARSET')) {
      p.acceptOp('=');
      o.charset = p.charsetName();
    } else if (p.acceptWord('COLLATE')) {
      p.acceptOp('=');
      o.collate = p.charsetName();
    } else if (p.acceptWord('ENCRYPTION')) {
      p.acceptOp('=');
      o.encryption = p.string();
    } else if (p.acceptWords('READ', 'ONLY')) {
      p.acceptOp('=');
      p.advance();
    } else {
      return o;
    }
  }
}

function parseCreateTable(p: Parser, start: number): CreateTableStmt {
  const isTemporary = p.acceptWord('TEMPORARY');
  p.expectWord('TABLE');
  const exists = ifNotExists(p);
  const table = parseTableName(p);
  const stmt: Mutable<CreateTableStmt> = {
    kind: 'CreateTableStmt',
    text: '',
    isTemporary,
    ifNotExists: exists,
    table,
    columns: [],
    constraints: [],
    options: [],
  };
  if (p.acceptWord('LIKE')) {
    stmt.like = parseTableName(p);
  } else if (p.isOp('(') && p.isWordAt(1, 'LIKE')) {
    p.advance();
    p.advance();
    stmt.like = parseTableName(p);
    p.expectOp(')');
  } else {
    if (p.isOp('(') && !startsQuery(p, 1)) {
      p.advance();
      const columns: ColumnDef[] = [];
      const constraints: TableConstraint[] = [];
      do {
        if (isConstraintStart(p)) {
          const constraint = parseConstraint(p);
          // A CHECK's place among the columns decides its generated name (t_chk_N counts in statement order).
          constraints.push(constraint.kind === 'CheckConstraint' ? { ...constraint, columnsBefore: columns.length } : constraint);
        } else columns.push(parseColumnDef(p));
      } while (p.acceptOp(','));
      p.expectOp(')');
      stmt.columns = columns;
      stmt.constraints = constraints;
    }
    stmt.options = parseTableOptions(p);
    if (p.isWord('PARTITION')) stmt.partitionText = skipPartitionClause(p);
    const dup = p.acceptOneOf(['IGNORE', 'REPLACE'] as const);
    if (dup !== undefined) stmt.duplicateHandling = dup;
    const hasAs = p.acceptWord('AS');
    if (hasAs || p.isWord('SELECT') || p.isWord('WITH') || p.isWord('TABLE') || p.isWord('VALUES') || p.isOp('(')) {
      stmt.query = p.grammar.query(p);
    } else if (dup !== undefined) {
      throw p.error();
    }
    if (stmt.columns.length === 0 && stmt.query === undefined) throw p.error();
  }
  stmt.text = p.textFrom(start);
  return stmt;
}

/** PARTITION BY … is kept as text: tokens up to the end of the statement or a trailing AS/SELECT. */
function skipPartitionClause(p: Parser): string {
  const start = p.tok.start;
  let depth = 0;
  while (!p.atStatementEnd()) {
    if (depth === 0 && (p.isWord('AS') || p.isWord('SELECT') || p.isWord('IGNORE') || p.isWord('REPLACE'))) break;
    if (p.isOp('(')) depth++;
    else if (p.isOp(')')) {
      if (depth === 0) throw p.error();
      depth--;
    }
    p.advance();
  }
  return p.textFrom(start);
}

function parseCreateIndex(p: Parser, start: number): CreateIndexStmt {
  let indexType: CreateIndexStmt['indexType'] = 'INDEX';
  const kind = p.acceptOneOf(['UNIQUE', 'FULLTEXT', 'SPATIAL'] as const);
  if (kind !== undefined) indexType = kind;
  p.expectWord('INDEX');
  const exists = ifNotExists(p);
  const name = p.ident();
  const options: Mutable<IndexOptions> = {};
  parseIndexOptions(p, options);
  p.expectWord('ON');
  const table = parseTableName(p);
  const parts = parseIndexParts(p);
  parseIndexOptions(p, options);
  parseAlgorithmLock(p);
  return {
    kind: 'CreateIndexStmt',
    text: p.textFrom(start),
    indexType,
    ...(exists && { ifNotExists: true }),
    name,
    table,
    parts,
    ...(Object.keys(options).length > 0 && { options }),
  };
}

/** `ALGORITHM [=] x` / `LOCK [=] x` trailing CREATE/DROP INDEX: accepted, not kept. */
function parseAlgorithmLock(p: Parser): void {
  while (p.isWord('ALGORITHM') || p.isWord('LOCK')) {
    p.advance();
    p.acceptOp('=');
    p.anyIdent();
  }
}

/** `CREATE [OR REPLACE] [ALGORITHM=…] [DEFINER=…] [SQL SECURITY …] VIEW …` and `ALTER … VIEW …`. */
export function parseCreateView(p: Parser, start: number, isAlter: boolean): CreateViewStmt {
  const orReplace = !isAlter && p.acceptWords('OR', 'REPLACE');
  let algorithm: CreateViewStmt['algorithm'];
  let definer: UserSpec | undefined;
  let security: CreateViewStmt['security'];
  if (p.acceptWord('ALGORITHM')) {
    p.expectOp('=');
    algorithm = p.expectOneOf(['UNDEFINED', 'MERGE', 'TEMPTABLE'] as const);
  }
  if (p.acceptWord('DEFINER')) {
    p.expectOp('=');
    definer = parseUserSpec(p);
  }
  if (p.acceptWords('SQL', 'SECURITY')) security = p.expectOneOf(['DEFINER', 'INVOKER'] as const);
  p.expectWord('VIEW');
  const name = parseTableName(p);
  const columns = p.isOp('(') ? parseIdentList(p) : undefined;
  p.expectWord('AS');
  const queryStart = p.tok.start;
  const query = p.grammar.query(p);
  const queryText = p.textFrom(queryStart);
  let checkOption: CreateViewStmt['checkOption'];
  if (p.acceptWord('WITH')) {
    checkOption = p.acceptOneOf(['CASCADED', 'LOCAL'] as const) ?? 'CASCADED';
    p.expectWord('CHECK');
    p.expectWord('OPTION');
  }
  return {
    kind: 'CreateViewStmt',
    text: p.textFrom(start),
    orReplace,
    ...(algorithm !== undefined && { algorithm }),
    ...(definer !== undefined && { definer }),
    ...(security !== undefined && { security }),
    name,
    ...(columns !== undefined && { columns }),
    query,
    queryText,
    ...(checkOption !== undefined && { checkOption }),
    ...(isAlter && { isAlter: true }),
  };
}

/** `DROP DATABASE|SCHEMA|TABLE|INDEX|VIEW …` (DROP PREPARE is handled by the caller). */
export function parseDrop(p: Parser): Statement {
  const start = p.tok.start;
  p.expectWord('DROP');
  if (p.isWord('USER')) return parseDropUser(p, start);
  if (p.isWord('ROLE')) return parseDropRole(p, start);
  if (p.isWord('SEQUENCE')) return parseDropSequence(p, start);
  if (p.acceptWord('DATABASE') || p.acceptWord('SCHEMA')) {
    const exists = ifExists(p);
    const stmt: DropDatabaseStmt = { kind: 'DropDatabaseStmt', text: '', ifExists: exists, name: p.ident() };
    return { ...stmt, text: p.textFrom(start) };
  }
  if (p.isWord('TABLE') || p.isWord('TABLES') || p.isWord('TEMPORARY')) {
    const isTemporary = p.acceptWord('TEMPORARY');
    if (!p.acceptWord('TABLE')) p.expectWord('TABLES');
    const exists = ifExists(p);
    const tables = parseTableNameList(p);
    const behavior = p.acceptOneOf(['RESTRICT', 'CASCADE'] as const);
    const stmt: DropTableStmt = {
      kind: 'DropTableStmt',
      text: '',
      isTemporary,
      ifExists: exists,
      tables,
      ...(behavior !== undefined && { behavior }),
    };
    return { ...stmt, text: p.textFrom(start) };
  }
  if (p.acceptWord('INDEX')) {
    const exists = ifExists(p);
    const name = p.isWord('PRIMARY') ? p.advance().upper : p.ident();
    p.expectWord('ON');
    const table = parseTableName(p);
    parseAlgorithmLock(p);
    const stmt: DropIndexStmt = {
      kind: 'DropIndexStmt',
      text: p.textFrom(start),
      ...(exists && { ifExists: true }),
      name,
      table,
    };
    return stmt;
  }
  if (p.acceptWord('TRIGGER')) {
    const exists = ifExists(p);
    const name = parseTableName(p);
    const stmt: DropTriggerStmt = { kind: 'DropTriggerStmt', text: p.textFrom(start), ifExists: exists, name };
    return stmt;
  }
  if (p.acceptWord('VIEW')) {
    const exists = ifExists(p);
    const names = parseTableNameList(p);
    const behavior = p.acceptOneOf(['RESTRICT', 'CASCADE'] as const);
    const stmt: DropViewStmt = {
      kind: 'DropViewStmt',
      text: p.textFrom(start),
      ifExists: exists,
      names,
      ...(behavior !== undefined && { behavior }),
    };
    return stmt;
  }
  throw p.error();
}

/** `ALTER TABLE|DATABASE|SCHEMA|VIEW …` (ALTER INSTANCE is handled by the caller). */
export function parseAlter(p: Parser): Statement {
  const start = p.tok.start;
  p.expectWord('ALTER');
  if (p.isWord('USER')) return parseAlterUserDefaultRole(p, start) ?? parseAlterUser(p, start);
  if (p.isWord('SEQUENCE')) return parseAlterSequence(p, start);
  if (p.acceptWord('DATABASE') || p.acceptWord('SCHEMA')) {
    const name =
      p.isIdentAt(0) &&
      !p.isWord('CHARACTER') &&
      !p.isWord('CHARSET') &&
      !p.isWord('COLLATE') &&
      !p.isWord('ENCRYPTION') &&
      !p.isWord('READ')
        ? p.ident()
        : undefined;
    const options = parseDatabaseOptions(p);
    const stmt: AlterDatabaseStmt = {
      kind: 'AlterDatabaseStmt',
      text: p.textFrom(start),
      ...(name !== undefined && { name }),
      options,
    };
    return stmt;
  }
  if (p.isWord('TABLE') || p.isWord('ONLINE') || p.isWord('OFFLINE') || p.isWord('IGNORE')) {
    p.acceptOneOf(['ONLINE', 'OFFLINE'] as const);
    p.acceptWord('IGNORE');
    p.expectWord('TABLE');
    const table = parseTableName(p);
    const actions: AlterTableAction[] = [];
    if (!p.atStatementEnd()) {
      do actions.push(...parseAlterAction(p));
      while (p.acceptOp(','));
    }
    const stmt: AlterTableStmt = { kind: 'AlterTableStmt', text: p.textFrom(start), table, actions };
    return stmt;
  }
  if (p.isWord('VIEW') || p.isWord('ALGORITHM') || p.isWord('DEFINER') || p.isWord('SQL'))
    return parseCreateView(p, start, true);
  throw p.error();
}

function parsePosition(p: Parser): ColumnPosition | undefined {
  if (p.acceptWord('FIRST')) return { kind: 'FIRST' };
  if (p.acceptWord('AFTER')) return { kind: 'AFTER', column: p.ident() };
  return undefined;
}

/** One ALTER TABLE action (table options may come several at once). */
function parseAlterAction(p: Parser): AlterTableAction[] {
  if (p.acceptWord('ADD')) {
    if (isConstraintStart(p)) return [{ kind: 'AddConstraint', constraint: parseConstraint(p) }];
    p.acceptWord('COLUMN');
    if (p.acceptOp('(')) {
      const columns: ColumnDef[] = [];
      const constraints: AlterTableAction[] = [];
      do {
        if (isConstraintStart(p)) constraints.push({ kind: 'AddConstraint', constraint: parseConstraint(p) });
        else columns.push(parseColumnDef(p));
      } while (p.acceptOp(','));
      p.expectOp(')');
      return [{ kind: 'AddColumn', columns }, ...constraints];
    }
    const column = parseColumnDef(p);
    const position = parsePosition(p);
    return [
      position === undefined
        ? { kind: 'AddColumn', columns: [column] }
        : { kind: 'AddColumn', columns: [column], position },
    ];
  }
  if (p.acceptWord('DROP')) {
    if (p.acceptWords('PRIMARY', 'KEY')) return [{ kind: 'DropPrimaryKey' }];
    if (p.acceptWords('FOREIGN', 'KEY')) return [{ kind: 'DropForeignKey', name: p.ident() }];
    if (p.acceptWord('CHECK')) return [{ kind: 'DropCheck', name: p.ident() }];
    if (p.acceptWord('CONSTRAINT')) return [{ kind: 'DropConstraint', name: p.ident() }];
    if (p.acceptWord('INDEX') || p.acceptWord('KEY')) {
      const exists = ifExists(p);
      return [{ kind: 'DropIndex', name: p.ident(), ...(exists && { ifExists: true }) }];
    }
    p.acceptWord('COLUMN');
    const exists = ifExists(p);
    return [{ kind: 'DropColumn', name: p.ident(), ...(exists && { ifExists: true }) }];
  }
  if (p.acceptWord('MODIFY')) {
    p.acceptWord('COLUMN');
    const column = parseColumnDef(p);
    const position = parsePosition(p);
    return [position === undefined ? { kind: 'ModifyColumn', column } : { kind: 'ModifyColumn', column, position }];
  }
  if (p.acceptWord('CHANGE')) {
    p.acceptWord('COLUMN');
    const oldName = p.ident();
    const column = parseColumnDef(p);
    const position = parsePosition(p);
    return [
      position === undefined
        ? { kind: 'ChangeColumn', oldName, column }
        : { kind: 'ChangeColumn', oldName, column, position },
    ];
  }
  if (p.acceptWord('RENAME')) {
    if (p.acceptWord('COLUMN')) {
      const oldName = p.ident();
      p.expectWord('TO');
      return [{ kind: 'RenameColumn', oldName, newName: p.ident() }];
    }
    if (p.acceptWord('INDEX') || p.acceptWord('KEY')) {
      const oldName = p.ident();
      p.expectWord('TO');
      return [{ kind: 'RenameIndex', oldName, newName: p.ident() }];
    }
    if (!p.acceptWord('TO')) p.acceptWord('AS');
    return [{ kind: 'RenameTable', to: parseTableName(p) }];
  }
  if (p.acceptWord('ALTER')) {
    if (p.isWord('CHECK') || p.isWord('CONSTRAINT')) {
      const word = p.advance().upper as 'CHECK' | 'CONSTRAINT';
      const name = p.ident();
      const isEnforced = !p.acceptWord('NOT');
      p.expectWord('ENFORCED');
      return [{ kind: 'AlterCheckEnforcement', name, isEnforced, word }];
    }
    if (p.acceptWord('INDEX')) {
      const name = p.ident();
      return [{ kind: 'AlterIndexVisibility', name, visibility: p.expectOneOf(['VISIBLE', 'INVISIBLE'] as const) }];
    }
    p.acceptWord('COLUMN');
    const name = p.ident();
    if (p.acceptWords('DROP', 'DEFAULT')) return [{ kind: 'AlterColumnDefault', name }];
    p.expectWord('SET');
    if (p.acceptWord('DEFAULT')) {
      const isDefaultExpression = p.isOp('(');
      return [{ kind: 'AlterColumnDefault', name, default: parseDefaultValue(p), ...(isDefaultExpression && { isDefaultExpression }) }];
    }
    return [{ kind: 'AlterColumnVisibility', name, visibility: p.expectOneOf(['VISIBLE', 'INVISIBLE'] as const) }];
  }
  if (p.acceptWords('CONVERT', 'TO')) {
    if (!p.acceptWord('CHARSET')) {
      p.expectWord('CHARACTER');
      p.expectWord('SET');
    }
    const charset = p.isWord('DEFAULT') ? p.advance().upper : p.charsetName();
    const collate = p.acceptWord('COLLATE') ? p.charsetName() : undefined;
    return [collate === undefined ? { kind: 'ConvertCharset', charset } : { kind: 'ConvertCharset', charset, collate }];
  }
  if (p.isWord('ALGORITHM') || p.isWord('LOCK')) {
    const name = p.advance().upper as 'ALGORITHM' | 'LOCK';
    p.acceptOp('=');
    return [{ kind: 'AlgorithmOption', name, value: p.anyIdent().toUpperCase() }];
  }
  if (p.acceptWords('ENABLE', 'KEYS')) return [{ kind: 'EnableKeys', isEnable: true }];
  if (p.acceptWords('DISABLE', 'KEYS')) return [{ kind: 'EnableKeys', isEnable: false }];
  if (p.acceptClause('ORDER', 'BY')) {
    const columns = [p.ident()];
    while (p.acceptOp(',')) columns.push(p.ident());
    return [{ kind: 'OrderBy', columns }];
  }
  if (p.acceptWord('FORCE')) return [{ kind: 'Force' }];
  const option = parseTableOption(p);
  if (option === undefined) throw p.error();
  const options = [option];
  for (;;) {
    const more = parseTableOption(p);
    if (more === undefined) break;
    options.push(more);
  }
  return [{ kind: 'TableOptions', options }];
}

/** `RENAME TABLE a TO b [, c TO d …]` */
export function parseRenameTable(p: Parser): RenameTableStmt {
  const start = p.tok.start;
  p.expectWord('RENAME');
  if (!p.acceptWord('TABLE')) p.expectWord('TABLES');
  const pairs: { from: TableName; to: TableName }[] = [];
  do {
    const from = parseTableName(p);
    p.expectWord('TO');
    pairs.push({ from, to: parseTableName(p) });
  } while (p.acceptOp(','));
  return { kind: 'RenameTableStmt', text: p.textFrom(start), pairs };
}

/** `TRUNCATE [TABLE] t` */
export function parseTruncate(p: Parser): TruncateTableStmt {
  const start = p.tok.start;
  p.expectWord('TRUNCATE');
  p.acceptWord('TABLE');
  const table = parseTableName(p);
  return { kind: 'TruncateTableStmt', text: p.textFrom(start), table };
}
