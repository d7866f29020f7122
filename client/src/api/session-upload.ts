import { RequestError } from '../collab/graphql-request';
import { session } from './session';

/**
 * Sends a file to the server with the session, reporting the share sent (0 to 1) as it goes
 * (fetch cannot say; XMLHttpRequest's upload events can). Resolves with the JSON answer; a
 * refusal rejects with its code, as GraphQL errors do.
 */
export function uploadWithSession<T>(
  url: string,
  body: Blob,
  onProgress: (share: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = session.get()?.token;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new RequestError('The server cannot be reached.', 'NETWORK'));
    xhr.onload = () => {
      const answer = xhr.response as
        | (T & { errors?: { message?: string; extensions?: { code?: string } }[] })
        | null;
      if (xhr.status >= 200 && xhr.status < 300 && answer) {
        resolve(answer);
        return;
      }
      const error = answer?.errors?.[0];
      reject(
        new RequestError(error?.message ?? xhr.statusText, error?.extensions?.code ?? 'OTHER'),
      );
    };
    xhr.send(body);
  });
}
