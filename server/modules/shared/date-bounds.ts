import { IsDate, MaxDate, MinDate } from 'class-validator';

const EARLIEST = new Date('2000-01-01T00:00:00Z');
const LATEST = new Date('2100-01-01T00:00:00Z');

/** A date from outside within this century: a mistyped year is refused rather than stored. */
export function IsDateInBounds(): PropertyDecorator {
  const decorators = [IsDate(), MinDate(EARLIEST), MaxDate(LATEST)];
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}
