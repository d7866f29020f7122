import { RequestError } from '../collab/graphql-request';
import { session } from './session';

/**
 * A plain HTTP request to the server (a download, an upload) with the session as
 * `Authorization: Bearer …`. A refusal rejects with its code, as GraphQL errors do.
 */
export async function sessionFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const token = session.get()?.token;
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers });
  } catch {
    throw new RequestError('The server cannot be reached.', 'NETWORK');
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as {
    errors?: { message?: string; extensions?: { code?: string } }[];
  } | null;
  const error = body?.errors?.[0];
  throw new RequestError(error?.message ?? res.statusText, error?.extensions?.code ?? 'OTHER');
}
