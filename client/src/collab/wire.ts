import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/*
 * The co-editing socket's binary messages (`/collab`), shared by the server and every client. A
 * Yjs update travels as its own bytes, not as base64 inside JSON inside a GraphQL result: the
 * server encodes each event once and sends the same frame to every editor of the draft.
 */

/** Bumped when a message changes shape; the server refuses a client speaking another version. */
export const WIRE_VERSION = 1;

export enum ClientMessage {
  Hello = 0,
  Subscribe = 1,
  Unsubscribe = 2,
  Update = 3,
}

export enum ServerMessage {
  Ready = 0,
  Event = 1,
  Ack = 2,
  Refused = 3,
  StreamEnded = 4,
}

/** Close codes shared with the GraphQL socket: a session that ended signs the person out. */
export const CLOSE_SESSION_EXPIRED = 4401;
export const CLOSE_SESSION_REVOKED = 4403;
/** The client broke the protocol (a message that does not decode, or before its hello). */
export const CLOSE_PROTOCOL = 4400;
/** Too much waiting to be sent to a client that does not read: it reconnects and replays. */
export const CLOSE_TOO_SLOW = 4408;
/** The database did not answer the sign-in: try again later. */
export const CLOSE_TRY_LATER = 1013;

const DURABLE = 1;
const SNAPSHOT = 2;
const SYNCED = 4;

export type ClientFrame =
  | { type: ClientMessage.Hello; version: number; token: string }
  | { type: ClientMessage.Subscribe; draftId: string; afterSeq: number | null; clientId: string }
  | { type: ClientMessage.Unsubscribe; draftId: string }
  | {
      type: ClientMessage.Update;
      requestId: number;
      draftId: string;
      clientId: string;
      update: Uint8Array;
    };

/** One event of a draft's update stream (as `draftUpdates` gives it over GraphQL). */
export interface WireEvent {
  draftId: string;
  seq: number;
  firstSeq: number;
  durable: boolean;
  snapshot: boolean;
  synced: boolean;
  update: Uint8Array;
  stateVector: Uint8Array | null;
}

export interface WireError {
  code: string;
  message: string;
  /** Set when the server asks to wait before sending again. */
  retryAfterMs: number | null;
}

export type ServerFrame =
  | { type: ServerMessage.Ready }
  | ({ type: ServerMessage.Event } & WireEvent)
  | { type: ServerMessage.Ack; requestId: number; seq: number }
  | ({ type: ServerMessage.Refused; requestId: number } & WireError)
  | ({ type: ServerMessage.StreamEnded; draftId: string } & (WireError | { code: null }));

export function encodeClientFrame(frame: ClientFrame): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, frame.type);
  switch (frame.type) {
    case ClientMessage.Hello:
      encoding.writeVarUint(e, frame.version);
      encoding.writeVarString(e, frame.token);
      break;
    case ClientMessage.Subscribe:
      encoding.writeVarString(e, frame.draftId);
      // 0 means none, n + 1 means afterSeq n.
      encoding.writeVarUint(e, frame.afterSeq === null ? 0 : frame.afterSeq + 1);
      encoding.writeVarString(e, frame.clientId);
      break;
    case ClientMessage.Unsubscribe:
      encoding.writeVarString(e, frame.draftId);
      break;
    case ClientMessage.Update:
      encoding.writeVarUint(e, frame.requestId);
      encoding.writeVarString(e, frame.draftId);
      encoding.writeVarString(e, frame.clientId);
      encoding.writeVarUint8Array(e, frame.update);
      break;
  }
  return encoding.toUint8Array(e);
}

/** Throws on a message that does not decode: the caller closes the socket as broken. */
export function decodeClientFrame(data: Uint8Array): ClientFrame {
  const d = decoding.createDecoder(data);
  const type = decoding.readVarUint(d);
  let frame: ClientFrame;
  switch (type) {
    case ClientMessage.Hello:
      frame = { type, version: decoding.readVarUint(d), token: decoding.readVarString(d) };
      break;
    case ClientMessage.Subscribe: {
      const draftId = decoding.readVarString(d);
      const after = decoding.readVarUint(d);
      frame = {
        type,
        draftId,
        afterSeq: after === 0 ? null : after - 1,
        clientId: decoding.readVarString(d),
      };
      break;
    }
    case ClientMessage.Unsubscribe:
      frame = { type, draftId: decoding.readVarString(d) };
      break;
    case ClientMessage.Update:
      frame = {
        type,
        requestId: decoding.readVarUint(d),
        draftId: decoding.readVarString(d),
        clientId: decoding.readVarString(d),
        update: decoding.readVarUint8Array(d),
      };
      break;
    default:
      throw new Error(`unknown message type ${type}`);
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes after the message');
  return frame;
}

function writeError(e: encoding.Encoder, error: WireError): void {
  encoding.writeVarString(e, error.code);
  encoding.writeVarString(e, error.message);
  encoding.writeVarUint(e, error.retryAfterMs === null ? 0 : Math.ceil(error.retryAfterMs) + 1);
}

function readError(d: decoding.Decoder): WireError {
  const code = decoding.readVarString(d);
  const message = decoding.readVarString(d);
  const retry = decoding.readVarUint(d);
  return { code, message, retryAfterMs: retry === 0 ? null : retry - 1 };
}

export function encodeServerFrame(frame: ServerFrame): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, frame.type);
  switch (frame.type) {
    case ServerMessage.Ready:
      break;
    case ServerMessage.Event:
      encoding.writeVarString(e, frame.draftId);
      encoding.writeVarUint(
        e,
        (frame.durable ? DURABLE : 0) |
          (frame.snapshot ? SNAPSHOT : 0) |
          (frame.synced ? SYNCED : 0),
      );
      encoding.writeVarUint(e, frame.seq);
      encoding.writeVarUint(e, frame.firstSeq);
      encoding.writeVarUint8Array(e, frame.update);
      if (frame.synced) encoding.writeVarUint8Array(e, frame.stateVector ?? new Uint8Array([0]));
      break;
    case ServerMessage.Ack:
      encoding.writeVarUint(e, frame.requestId);
      encoding.writeVarUint(e, frame.seq);
      break;
    case ServerMessage.Refused:
      encoding.writeVarUint(e, frame.requestId);
      writeError(e, frame);
      break;
    case ServerMessage.StreamEnded:
      encoding.writeVarString(e, frame.draftId);
      encoding.writeUint8(e, frame.code === null ? 0 : 1);
      if (frame.code !== null) writeError(e, frame);
      break;
  }
  return encoding.toUint8Array(e);
}

export function decodeServerFrame(data: Uint8Array): ServerFrame {
  const d = decoding.createDecoder(data);
  const type = decoding.readVarUint(d);
  switch (type) {
    case ServerMessage.Ready:
      return { type };
    case ServerMessage.Event: {
      const draftId = decoding.readVarString(d);
      const flags = decoding.readVarUint(d);
      const seq = decoding.readVarUint(d);
      const firstSeq = decoding.readVarUint(d);
      const update = decoding.readVarUint8Array(d);
      const synced = (flags & SYNCED) !== 0;
      return {
        type,
        draftId,
        seq,
        firstSeq,
        durable: (flags & DURABLE) !== 0,
        snapshot: (flags & SNAPSHOT) !== 0,
        synced,
        update,
        stateVector: synced ? decoding.readVarUint8Array(d) : null,
      };
    }
    case ServerMessage.Ack:
      return { type, requestId: decoding.readVarUint(d), seq: decoding.readVarUint(d) };
    case ServerMessage.Refused:
      return { type, requestId: decoding.readVarUint(d), ...readError(d) };
    case ServerMessage.StreamEnded: {
      const draftId = decoding.readVarString(d);
      return decoding.readUint8(d) === 0
        ? { type, draftId, code: null }
        : { type, draftId, ...readError(d) };
    }
    default:
      throw new Error(`unknown message type ${type}`);
  }
}
