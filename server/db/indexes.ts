import mongoose from 'mongoose';
import './models';

/**
 * Creates the declared indexes of every model registered with mongoose (idempotent). autoIndex is
 * off so start-up builds them once, before serving; reading the registry rather than a list of
 * models means a new model cannot be left without its indexes (e.g. the unique (draft, seq) one
 * gapless sequence numbers rest on).
 */
export async function ensureIndexes(
  connection: mongoose.Connection = mongoose.connection,
): Promise<void> {
  for (const name of connection.modelNames()) await connection.model(name).createIndexes();
}
