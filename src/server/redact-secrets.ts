// redactSecrets: statement text as SHOW PROCESSLIST may show it: quoted strings of password-bearing statements hidden.

/** Words that only statements carrying a password contain (CREATE/ALTER USER … IDENTIFIED BY, SET PASSWORD). */
const SECRET_BEARING = /\b(?:IDENTIFIED|PASSWORD)\b/i;
const QUOTED = /'(?:\\.|''|[^'\\])*(?:'|$)|"(?:\\.|""|[^"\\])*(?:"|$)/gs;

/** The text unchanged, or with every quoted string replaced by '<secret>' when the statement may carry a password. */
export function redactSecrets(text: string): string {
  return SECRET_BEARING.test(text) ? text.replace(QUOTED, "'<secret>'") : text;
}
