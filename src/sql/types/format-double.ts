// formatDouble: MySQL's text form of a DOUBLE, shared by the text protocol, string conversion and JSON text.

/** MySQL's text form of a double: shortest round-trip digits, exponent written `1e21` not `1e+21`. */
export function formatDouble(value: number): string {
  if (Object.is(value, -0)) return '-0';
  return String(value).replace('e+', 'e');
}
