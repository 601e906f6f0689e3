// The rows of information_schema.APPLICABLE_ROLES and ENABLED_ROLES for the reading session, as MySQL 8 shows them.
import type { ExecutionContext } from '../execution-context.js';
import type { Row } from '../types/index.js';
import type { AccountStore, AuthId } from './account-store.js';
import { sameId } from './account-store.js';
import { roleGraph } from './role-executor.js';

const yesNo = (flag: boolean): string => (flag ? 'YES' : 'NO');

/**
 * APPLICABLE_ROLES: every role the account can reach (granted to it, mandatory, or granted to such a role), each with
 * the grantee that holds it directly: USER, HOST, GRANTEE, GRANTEE_HOST, ROLE_NAME, ROLE_HOST, IS_GRANTABLE,
 * IS_DEFAULT, IS_MANDATORY.
 */
export function applicableRoleRows(account: AuthId, store: AccountStore, context: ExecutionContext): Row[] {
  const graph = roleGraph(store, context);
  const defaults = store.defaultRolesOf(account);
  const rows: Row[] = [];
  const visited: AuthId[] = [account];
  const pending: AuthId[] = [account];
  while (pending.length > 0) {
    const grantee = pending.shift() as AuthId;
    const isAccount = sameId(grantee, account);
    const held = isAccount ? graph.heldRoles(grantee) : store.rolesGrantedTo(grantee).map((edge) => ({ role: edge.from, withAdminOption: edge.withAdminOption, isMandatory: false }));
    for (const { role, withAdminOption, isMandatory } of held) {
      const isDefault = isAccount && defaults.some((d) => sameId(d, role));
      rows.push([account.user, account.host, grantee.user, grantee.host, role.user, role.host, yesNo(withAdminOption), yesNo(isDefault), yesNo(isMandatory)]);
      if (!visited.some((v) => sameId(v, role))) {
        visited.push(role);
        pending.push(role);
      }
    }
  }
  return rows;
}

/** ENABLED_ROLES: the session's active roles and the roles granted to them: ROLE_NAME, ROLE_HOST, IS_DEFAULT, IS_MANDATORY. */
export function enabledRoleRows(account: AuthId, activeRoles: readonly AuthId[], store: AccountStore, context: ExecutionContext): Row[] {
  const graph = roleGraph(store, context);
  const defaults = store.defaultRolesOf(account);
  return graph.closure(activeRoles).map((role): Row => [role.user, role.host, yesNo(defaults.some((d) => sameId(d, role))), yesNo(graph.isMandatory(role))]);
}
