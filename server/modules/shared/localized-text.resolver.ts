import type { ClassType } from 'type-graphql';
import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LocalizedText } from './localized';
import { pick } from './localized';
import { Language } from './localized.enums';

/**
 * The field `field` of `type` as a string in the language asked for (English by default), read
 * from the stored `{ en, fr }` of the same name. One resolver class per (type, field) keeps the
 * argument, its fallback and its nullability the same on every localized field.
 */
export function localizedTextResolver<K extends string>(
  type: ClassType,
  field: K,
  options: { description?: string } = {},
): ClassType {
  @Resolver(() => type)
  class LocalizedTextResolver {
    @FieldResolver(() => String, { name: field, description: options.description })
    localized(
      @Root() root: Record<K, LocalizedText>,
      @Arg('lang', () => Language, { nullable: true }) lang?: Language,
    ): string {
      return pick(root[field], lang);
    }
  }
  return LocalizedTextResolver;
}
