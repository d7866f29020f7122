import * as Y from 'yjs';
import { badInput } from '../core/errors';

/** Largest Yjs update accepted in one call, decoded (a 20-page draft's whole state is far smaller). */
export const MAX_UPDATE_BYTES = 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Checks that a base64 string from outside is a Yjs update of acceptable size. The bytes are
 * stored and relayed as they are: the server never edits an update.
 */
export function decodeUpdate(base64: string, field = 'update'): Uint8Array {
  if (
    typeof base64 !== 'string' ||
    base64.length === 0 ||
    base64.length % 4 !== 0 ||
    !BASE64.test(base64)
  ) {
    throw badInput(`${field} must be a base64-encoded Yjs update.`, field);
  }
  if ((base64.length / 4) * 3 > MAX_UPDATE_BYTES + 3) {
    throw badInput(
      `${field} is larger than the limit of ${MAX_UPDATE_BYTES} bytes; send it in smaller updates.`,
      field,
    );
  }
  return checkUpdate(new Uint8Array(Buffer.from(base64, 'base64')), field);
}

/** Checks that bytes from outside are a Yjs update of acceptable size; returns them. */
export function checkUpdate(bytes: Uint8Array, field = 'update'): Uint8Array {
  if (bytes.byteLength > MAX_UPDATE_BYTES) {
    throw badInput(
      `${field} is larger than the limit of ${MAX_UPDATE_BYTES} bytes; send it in smaller updates.`,
      field,
    );
  }
  if (bytes.byteLength === 0) throw badInput(`${field} must be a Yjs update.`, field);
  try {
    decodedUpdate(bytes);
  } catch {
    throw badInput(`${field} does not decode as a Yjs update.`, field);
  }
  return bytes;
}

type Decoded = ReturnType<typeof Y.decodeUpdate>;
// Checking an edit, recording who wrote it and counting its words each need it decoded; they are
// handed the same bytes, so it is decoded once (read only: nobody changes what it holds).
const decoded = new WeakMap<Uint8Array, Decoded>();

/** `Y.decodeUpdate`, once per update object. */
export function decodedUpdate(bytes: Uint8Array): Decoded {
  let result = decoded.get(bytes);
  if (!result) {
    result = Y.decodeUpdate(bytes);
    decoded.set(bytes, result);
  }
  return result;
}

/** Lets the decoded form of an update kept for long go (it is several times the update's size). */
export function forgetDecoded(bytes: Uint8Array): void {
  decoded.delete(bytes);
}

export const encodeUpdate = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
