import { forbidden } from './errors';

/** The single gate policies answer through: a refusal is FORBIDDEN and nothing has changed. */
export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}
