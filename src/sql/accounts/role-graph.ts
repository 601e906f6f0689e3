// The role graph: which roles an account holds (granted directly, through other roles, or mandatory), parsed
// `mandatory_roles`, and how MySQL writes a role's name.
import type { AccountStore, AuthId } from './account-store.js';
import { sameId } from './account-store.js';

/** A role an account may activate: granted to it (with or without ADMIN OPTION) or mandatory. */
export interface HeldRole {
  readonly role: AuthId;
  readonly withAdminOption: boolean;
  readonly isMandatory: boolean;
}

/** `` `user`@`host` ``, as MySQL writes roles in CURRENT_ROLE(), SHOW GRANTS and role errors. */
export function formatAuthId(id: AuthId): string {
  const quote = (name: string): string => '`' + name.replace(/`/g, '``') + '`';
  return `${quote(id.user)}@${quote(id.host)}`;
}

function unquote(part: string): string {
  const text = part.trim();
  const first = text[0];
  if (text.length >= 2 && (first === '`' || first === "'" || first === '"') && text.endsWith(first)) {
    return text.slice(1, -1).split(first + first).join(first);
  }
  return text;
}

/** Splits `text` at `separator` outside quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let current = '';
  for (const ch of text) {
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '`' || ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** The roles of a `mandatory_roles` value: `` `r1`@`%`,r2@localhost,'r3' `` (host '%' when omitted). */
export function parseRoleNames(text: string): AuthId[] {
  return splitOutsideQuotes(text, ',')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const [user = '', host] = splitOutsideQuotes(part, '@');
      return { user: unquote(user), host: host === undefined ? '%' : unquote(host) };
    });
}

/** Role questions over the account store and the server's mandatory roles. */
export class RoleGraph {
  constructor(
    private readonly store: AccountStore,
    /** The roles `mandatory_roles` names that exist as accounts. */
    private readonly mandatory: readonly AuthId[],
  ) {}

  /** The roles `account` holds directly: its role grants, then the mandatory roles it was not granted. */
  heldRoles(account: AuthId): HeldRole[] {
    const held: HeldRole[] = this.store.rolesGrantedTo(account).map((edge) => ({ role: edge.from, withAdminOption: edge.withAdminOption, isMandatory: false }));
    for (const role of this.mandatory) {
      if (sameId(role, account) || !this.store.get(role.user, role.host)) continue;
      if (!held.some((h) => sameId(h.role, role))) held.push({ role, withAdminOption: false, isMandatory: true });
    }
    return held;
  }

  /** True when `role` is granted to `account` directly or is mandatory (SET ROLE, SET DEFAULT ROLE accept it). */
  holds(account: AuthId, role: AuthId): boolean {
    return this.heldRoles(account).some((h) => sameId(h.role, role));
  }

  /** True when `role` is mandatory. */
  isMandatory(role: AuthId): boolean {
    return this.mandatory.some((m) => sameId(m, role));
  }

  /** `roles` and every role granted to them, transitively, each once. */
  closure(roles: readonly AuthId[]): AuthId[] {
    const out: AuthId[] = [];
    const pending = [...roles];
    while (pending.length > 0) {
      const role = pending.shift() as AuthId;
      if (out.some((seen) => sameId(seen, role))) continue;
      out.push(role);
      for (const edge of this.store.rolesGrantedTo(role)) pending.push(edge.from);
    }
    return out;
  }

  /** True when granting `role` to `grantee` would make a role reach itself (`grantee` is `role` or among its roles). */
  wouldLoop(role: AuthId, grantee: AuthId): boolean {
    return this.closure([role]).some((reached) => sameId(reached, grantee));
  }
}
