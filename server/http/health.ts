import type { Request, Response } from 'express';
import type { Database } from '../db/database';

export function healthHandler(db: Database) {
  return async (_req: Request, res: Response) => {
    const ok = await db.ping();
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ok' : 'degraded', db: ok ? 'ok' : 'unavailable' });
  };
}
