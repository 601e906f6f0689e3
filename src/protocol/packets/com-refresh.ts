// COM_REFRESH: flush caches and logs (what `FLUSH …` does; mysqladmin's flush-* commands and mysqldump --flush-logs).
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_refresh.html
import { CommandCode } from '../constants/command-code.js';
import { malformedPacket, PacketReader } from '../packet-reader.js';
import type { PacketWriter } from '../packet-writer.js';

/** The sub-command bits of COM_REFRESH and the FLUSH option each stands for. */
export const RefreshFlag = {
  REFRESH_GRANT: { bit: 0x01, option: 'PRIVILEGES' },
  REFRESH_LOG: { bit: 0x02, option: 'LOGS' },
  REFRESH_TABLES: { bit: 0x04, option: 'TABLES' },
  REFRESH_HOSTS: { bit: 0x08, option: 'HOSTS' },
  REFRESH_STATUS: { bit: 0x10, option: 'STATUS' },
  REFRESH_THREADS: { bit: 0x20, option: 'THREADS' },
  REFRESH_SLAVE: { bit: 0x40, option: 'REPLICA' },
  REFRESH_MASTER: { bit: 0x80, option: 'MASTER' },
} as const;

/** The fields of COM_REFRESH: the FLUSH options its sub-command bits ask for. */
export interface ComRefresh {
  readonly options: readonly string[];
}

/** Decodes a COM_REFRESH payload (command byte included). Throws ER_MALFORMED_PACKET. */
export function decodeComRefresh(payload: Buffer): ComRefresh {
  const reader = new PacketReader(payload);
  if (reader.readInt1() !== CommandCode.COM_REFRESH) throw malformedPacket();
  const bits = reader.readInt1();
  return { options: Object.values(RefreshFlag).filter((flag) => (bits & flag.bit) !== 0).map((flag) => flag.option) };
}

/** Writes a COM_REFRESH payload with the given sub-command bits (the client side; for tests). */
export function writeComRefresh(writer: PacketWriter, bits: number): void {
  writer.writeInt1(CommandCode.COM_REFRESH).writeInt1(bits);
}
