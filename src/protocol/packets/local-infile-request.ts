// The LOCAL INFILE request: the server's answer to LOAD DATA LOCAL, asking the client to send the named file.
import type { PacketWriter } from '../packet-writer.js';

/** The header byte of a LOCAL INFILE request. */
export const LOCAL_INFILE_HEADER = 0xfb;

/**
 * 0xFB, then the file name (rest of packet). The client answers with the file's bytes in packets of any size and an
 * empty packet at the end. https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_local_infile_request.html
 */
export function writeLocalInfileRequest(writer: PacketWriter, fileName: string): PacketWriter {
  return writer.writeInt1(LOCAL_INFILE_HEADER).writeString(fileName);
}
