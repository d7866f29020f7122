import { IsOptional, IsString, Length } from 'class-validator';
import type { ClassType } from 'type-graphql';
import { Field, InputType } from 'type-graphql';

import { TITLE_BOUNDS, type TitleBounds } from './title-bounds';

export { TITLE_BOUNDS, type TitleBounds };

interface Titles {
  titleEn: string;
  titleFr: string;
}

function titleField({ min, max }: TitleBounds, optional: boolean): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    Field(() => String, { nullable: optional }),
    IsString(),
    Length(min, max),
  ];
  if (optional) decorators.push(IsOptional());
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

/**
 * Mixin base of every input that names something in the two working languages: `titleEn` and
 * `titleFr` with the same length bounds, so the pair cannot drift apart. With `optional`, both
 * may be left out (an update that keeps them).
 */
export function TitlesInput(bounds: TitleBounds): ClassType<Titles>;
export function TitlesInput(
  bounds: TitleBounds,
  options: { optional: true },
): ClassType<Partial<Titles>>;
export function TitlesInput(
  bounds: TitleBounds,
  { optional = false }: { optional?: boolean } = {},
): ClassType<Partial<Titles>> {
  // No field has this type, so the schema never shows it: only the inputs that extend it.
  @InputType(`Titles${optional ? 'Optional' : ''}${bounds.min}To${bounds.max}`)
  class TitlesInputBase {
    @titleField(bounds, optional)
    titleEn?: string;

    @titleField(bounds, optional)
    titleFr?: string;
  }
  return TitlesInputBase;
}
