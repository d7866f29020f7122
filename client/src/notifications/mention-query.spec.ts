import { describe, expect, it } from 'vitest';
import { insertMention, mentionAt } from './mention-query';

describe('@mentions while typing', () => {
  it('finds the name being typed after an @ at the caret, spaces included', () => {
    expect(mentionAt('Thanks @Fra', 11)).toEqual({ start: 7, query: 'Fra' });
    expect(mentionAt('@Delegate (demo, F', 18)).toEqual({ start: 0, query: 'Delegate (demo, F' });
    expect(mentionAt('Thanks @', 8)).toEqual({ start: 7, query: '' });
  });

  it('starts none in an e-mail address, after a line break or a space right after the @', () => {
    expect(mentionAt('write to ana@fra', 16)).toBeNull();
    expect(mentionAt('@France\nand', 11)).toBeNull();
    expect(mentionAt('a @ b', 5)).toBeNull();
    expect(mentionAt('no mention', 10)).toBeNull();
  });

  it('puts the chosen name in place of what was typed, with one space after it', () => {
    expect(insertMention('Thanks @Fra', 11, 7, 'France')).toEqual({
      text: 'Thanks @France ',
      caret: 15,
    });
    expect(insertMention('@Fr and more', 3, 0, 'France')).toEqual({
      text: '@France and more',
      caret: 8,
    });
  });
});
