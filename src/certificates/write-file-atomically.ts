// Writes a file through a temporary sibling and a rename, so a reader never sees half a key and modes are exact.
import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';

const TEMP_SUFFIX_BYTES = 6;

/**
 * Replaces `path` with `content` and mode `mode` (exactly: the umask does not apply, and a wider mode of the old
 * file does not survive). The temporary file is created with `mode` from the start, so a private key is never
 * readable by others, not even briefly. Throws the fs error; the temporary file is removed on failure.
 */
export async function writeFileAtomically(path: string, content: string, mode: number): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(TEMP_SUFFIX_BYTES).toString('hex')}`;
  try {
    await writeFile(temporary, content, { mode, flag: 'wx' });
    await chmod(temporary, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
