/**
 * Statements per update command. The embedded FerretDB (v1.24, SQLite) keeps the query of every
 * statement of an update command open until the whole command ends, one pooled SQLite connection
 * each: from 100 statements on (its pool's size) the command waits for a connection that only it
 * could free, forever, and every write queued behind it with it. A real MongoDB is not affected;
 * the cost there is a few more round trips.
 */
export const UPDATE_STATEMENTS_PER_COMMAND = 50;

/** An unordered bulk write of update statements, sent as commands of at most 50 statements. */
export async function bulkUpdate<Op>(
  model: { bulkWrite(ops: Op[], options: { ordered: boolean }): Promise<unknown> },
  ops: Op[],
): Promise<void> {
  for (let from = 0; from < ops.length; from += UPDATE_STATEMENTS_PER_COMMAND)
    await model.bulkWrite(ops.slice(from, from + UPDATE_STATEMENTS_PER_COMMAND), {
      ordered: false,
    });
}
