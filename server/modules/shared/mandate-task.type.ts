import { Field, ObjectType } from 'type-graphql';
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

export function mandateAsText(tasks: MandateTaskRoot[], lang: Language | undefined): string {
  return tasks.map((t) => `${t.letter}) ${pick(t.text, lang)}`).join('\n');
}
