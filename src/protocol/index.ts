// The protocol layer's public surface: MySQL wire constants, packet framing, packet codecs and auth plugin codecs.
export * from './constants/index.js';
export { PacketReader, malformedPacket } from './packet-reader.js';
export { PacketWriter, encodePayload } from './packet-writer.js';
export { PacketBatch } from './packet-batch.js';
export { framePacket } from './frame-packet.js';
export type { FramedPacket } from './frame-packet.js';
export { PacketDecoder, DEFAULT_MAX_ALLOWED_PACKET } from './packet-decoder.js';
export type { DecodedPacket, PacketDecodeError, PacketDecoderResult, PacketDecoderOptions } from './packet-decoder.js';

export { writeHandshakeV10, decodeHandshakeV10 } from './packets/handshake-v10.js';
export type { HandshakeV10 } from './packets/handshake-v10.js';
export { isSslRequest, decodeSslRequest, writeSslRequest, SSL_REQUEST_LENGTH } from './packets/ssl-request.js';
export type { SslRequest } from './packets/ssl-request.js';
export {
  decodeClientHandshake,
  decodeHandshakeResponse41,
  writeHandshakeResponse41,
} from './packets/handshake-response-41.js';
export type { HandshakeResponse41, ClientHandshake } from './packets/handshake-response-41.js';
export { writeLocalInfileRequest, LOCAL_INFILE_HEADER } from './packets/local-infile-request.js';
export { writeOkPacket, writeEofOkPacket, decodeOkPacket } from './packets/ok-packet.js';
export type { OkPacket } from './packets/ok-packet.js';
export { SessionTrackType } from './packets/session-state-change.js';
export type { SessionStateChange } from './packets/session-state-change.js';
export { writeErrPacket, decodeErrPacket } from './packets/err-packet.js';
export type { ErrPacket } from './packets/err-packet.js';
export { writeEofPacket, decodeEofPacket, isEofPacket } from './packets/eof-packet.js';
export type { EofPacket } from './packets/eof-packet.js';
export { writeAuthSwitchRequest, decodeAuthSwitchRequest } from './packets/auth-switch-request.js';
export type { AuthSwitchRequest } from './packets/auth-switch-request.js';
export { writeAuthMoreData, decodeAuthMoreData } from './packets/auth-more-data.js';
export { writeColumnDefinition41, decodeColumnDefinition41, DEFAULT_CATALOG } from './packets/column-definition-41.js';
export type { ColumnDefinition41 } from './packets/column-definition-41.js';
export { writeColumnCount, decodeColumnCount, ResultsetMetadata } from './packets/column-count.js';
export { writeTextRow, decodeTextRow } from './packets/text-resultset-row.js';
export type { TextCell } from './packets/text-resultset-row.js';
export { decodeComQuery, writeComQuery } from './packets/com-query.js';
export type { ComQuery, QueryAttribute } from './packets/com-query.js';
export { decodeComInitDb, writeComInitDb } from './packets/com-init-db.js';
export type { ComInitDb } from './packets/com-init-db.js';
export { decodeComProcessKill, writeComProcessKill } from './packets/com-process-kill.js';
export type { ComProcessKill } from './packets/com-process-kill.js';
export { RefreshFlag, decodeComRefresh, writeComRefresh } from './packets/com-refresh.js';
export type { ComRefresh } from './packets/com-refresh.js';
export { decodeComFieldList, writeComFieldList } from './packets/com-field-list.js';
export { decodeComChangeUser, writeComChangeUser } from './packets/com-change-user.js';
export type { ComChangeUser } from './packets/com-change-user.js';
export type { ComFieldList } from './packets/com-field-list.js';

export { AuthPluginName } from './auth/auth-plugin.js';
export type { AuthPlugin } from './auth/auth-plugin.js';
export { generateScramble, scrambleWithNul, xorRotating } from './auth/scramble.js';
export {
  mysqlNativePassword,
  nativePasswordHash,
  parseNativePasswordHash,
  scrambleNativePassword,
  verifyNativePassword,
} from './auth/mysql-native-password.js';
export {
  CachingSha2Status,
  cachingSha2Password,
  cachingSha2Digest,
  scrambleCachingSha2Password,
  verifyCachingSha2Scramble,
  isPublicKeyRequest,
  parseCleartextPassword,
  decryptCachingSha2Password,
} from './auth/caching-sha2-password.js';
export {
  CACHING_SHA2_DEFAULT_ITERATIONS,
  sha256Crypt,
  cachingSha2AuthString,
  verifyCachingSha2AuthString,
} from './auth/caching-sha2-auth-string.js';
export { decodeComStmtPrepare, writeComStmtPrepare, writeStmtPrepareOk, decodeStmtPrepareOk } from './packets/com-stmt-prepare.js';
export type { StmtPrepareOk } from './packets/com-stmt-prepare.js';
export { CursorType, decodeComStmtExecute, statementIdOf, writeComStmtExecute } from './packets/com-stmt-execute.js';
export type { BinaryParam, BinaryParamType, ComStmtExecute } from './packets/com-stmt-execute.js';
export {
  decodeComStmtFetch,
  decodeComStmtHandle,
  decodeComStmtSendLongData,
  writeComStmtFetch,
  writeComStmtHandle,
  writeComStmtSendLongData,
} from './packets/com-stmt-commands.js';
export type { ComStmtFetch, ComStmtSendLongData } from './packets/com-stmt-commands.js';
export {
  readBinaryDateTime,
  readBinaryTime,
  writeBinaryDateTime,
  writeBinaryRowHeader,
  writeBinaryTime,
} from './packets/binary-resultset-row.js';
export type { BinaryDateTimeParts, BinaryTimeParts } from './packets/binary-resultset-row.js';
