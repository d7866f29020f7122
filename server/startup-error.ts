/**
 * A reason the server cannot start that the person starting it can act on (a busy data
 * directory, an unreachable database): printed as one plain line, without a stack.
 */
export class StartupError extends Error {}
