import { useQuery } from '@apollo/client/react';
import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';
import { insertMention, mentionAt } from './mention-query';
import { MentionCandidatesQuery } from './notifications.graphql';
import './notifications.css';

export interface MentionTextareaProps {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  placeholder?: string;
  'aria-label': string;
}

/**
 * A comment's text that offers names after `@`: people and delegations whose name starts with
 * what follows the `@` (or one of its words does). Up and Down move in the list, Enter or Tab
 * takes the name, Escape closes it; a click takes it too. The server resolves the names when the
 * comment is sent, so a name typed out in full without the list mentions just the same.
 */
export function MentionTextarea({
  value,
  onChange,
  rows,
  placeholder,
  'aria-label': ariaLabel,
}: MentionTextareaProps) {
  const { t } = useT();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  // The `@` whose list was closed with Escape stays closed until another one is typed.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const mention = mentionAt(value, caret);
  const open = mention !== null && mention.start !== dismissed;
  const { data, previousData } = useQuery(MentionCandidatesQuery, {
    variables: { search: mention?.query ?? '' },
    skip: !open,
  });
  const options = open ? ((data ?? previousData)?.mentionCandidates ?? []) : [];
  const shown = options.length > 0;
  const current = Math.min(active, options.length - 1);

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !field.current) return;
    field.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    setCaret(pendingCaret.current);
    pendingCaret.current = null;
  });

  const choose = (name: string) => {
    if (!mention) return;
    const next = insertMention(value, caret, mention.start, name);
    pendingCaret.current = next.caret;
    onChange(next.text);
    setActive(0);
    field.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!shown) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      choose(options[current].name);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDismissed(mention?.start ?? null);
    }
  };
  const track = (el: HTMLTextAreaElement) => setCaret(el.selectionStart ?? el.value.length);
  const listId = `${id}-mentions`;
  const optionId = (i: number) => `${id}-mention-${i}`;
  return (
    <div className="mention-field">
      <textarea
        ref={field}
        value={value}
        rows={rows}
        placeholder={placeholder}
        aria-label={ariaLabel}
        aria-autocomplete="list"
        aria-controls={shown ? listId : undefined}
        aria-activedescendant={shown ? optionId(current) : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target);
          setActive(0);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => setDismissed(mention?.start ?? null)}
        onFocus={() => setDismissed(null)}
      />
      {shown && (
        <div className="mention-options" id={listId} role="listbox" aria-label={t('mentions.list')}>
          {options.map((o, i) => (
            <div
              key={o.name}
              tabIndex={-1}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              // Before the textarea's blur, which would close the list.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o.name);
              }}
            >
              <span>{o.name}</span>
              <span className="mention-kind">
                {o.delegation ? t('mentions.delegation') : t('mentions.person')}
              </span>
            </div>
          ))}
        </div>
      )}
      <span className="visually-hidden" role="status" aria-live="polite">
        {shown ? t('mentions.available', { count: options.length }) : ''}
      </span>
    </div>
  );
}
