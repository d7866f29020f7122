/** A command line that cannot work: said in one line with the usage. */
export class UsageError extends Error {}

/**
 * The few `--name value` and `--flag` arguments of the operations scripts (backup, restore, soak);
 * every `file` one is required, flags are 'true' when given.
 */
export function parseArgs<K extends string>(
  argv: string[],
  spec: Record<K, 'file' | 'flag' | 'number' | 'text'>,
  usage: string,
): Record<K, string> {
  const out = {} as Record<K, string>;
  const names = Object.keys(spec) as K[];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '') as K;
    if (!argv[i].startsWith('--') || !names.includes(name))
      throw new UsageError(`Unknown argument "${argv[i]}". Usage: ${usage}`);
    if (spec[name] === 'flag') out[name] = 'true';
    else {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`--${name} needs a value. Usage: ${usage}`);
      out[name] = value;
    }
  }
  for (const name of names)
    if (spec[name] === 'file' && out[name] === undefined)
      throw new UsageError(`--${name} is required. Usage: ${usage}`);
  return out;
}
