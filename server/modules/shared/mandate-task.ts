import { Arg, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { Language, LocalizedText, pick } from './localized';

@ObjectType({ description: 'One lettered task of a paragraph of the programme of work' })
export class MandateTask {
  @Field(() => String, { description: 'Its letter in the programme, e.g. "a"' })
  letter!: string;
}

export interface MandateTaskRoot {
  letter: string;
  text: LocalizedText;
}

@Resolver(() => MandateTask)
export class MandateTaskResolver {
  @FieldResolver(() => String, { description: 'A summary of the task' })
  text(@Root() task: MandateTaskRoot, @Arg('lang', () => Language, { nullable: true }) lang?: Language): string {
    return pick(task.text, lang);
  }
}

export function mandateAsText(tasks: MandateTaskRoot[], lang: Language | undefined): string {
  return tasks.map((t) => `${t.letter}) ${pick(t.text, lang)}`).join('\n');
}
