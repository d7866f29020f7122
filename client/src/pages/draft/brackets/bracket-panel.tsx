import { useMutation, useQuery } from '@apollo/client/react';
import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useState } from 'react';
import {
  bracketAuthor,
  bracketsOf,
  type EditorBracket,
  showBracketAuthors,
} from '../../../editor/bracket';
import { optionLetter } from '../../../editor/bracket-tool';
import { graphql } from '../../../gql';
import { apiLang, useT } from '../../../i18n/i18n';
import { errorText } from '../../../ui/error-text';

// Who bracketed is in each bracket's id (a user id the server checked): the people are read once
// and each id is named from them, live, without asking the server about every new bracket.
const People = graphql(`
  query BracketPeople($lang: Language) {
    users {
      id
      name
      delegation {
        id
        name(lang: $lang)
      }
    }
  }
`);

const Lift = graphql(`
  mutation LiftBracket($draftId: ID!, $bracketId: ID!) {
    liftBracket(draftId: $draftId, bracketId: $bracketId) {
      id
      openBrackets
    }
  }
`);

const Choose = graphql(`
  mutation ChooseAlternative($draftId: ID!, $bracketId: ID!, $option: Int!) {
    chooseAlternative(draftId: $draftId, bracketId: $bracketId, option: $option) {
      id
      openBrackets
    }
  }
`);

/** The editor's brackets, read again whenever its document changes (also by a co-author). */
function useEditorBrackets(editor: Editor | null): EditorBracket[] {
  const [brackets, setBrackets] = useState<EditorBracket[]>([]);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const read = () => {
      timer = null;
      if (!editor.isDestroyed) setBrackets(bracketsOf(editor.state));
    };
    read();
    // Gathered: a burst of keystrokes reads the document once.
    const onChange = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) timer ??= setTimeout(read, 150);
    };
    editor.on('transaction', onChange);
    return () => {
      editor.off('transaction', onChange);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return brackets;
}

/**
 * The open brackets of the draft beside the text: each passage, its options and who bracketed it;
 * those who manage the draft lift the brackets or choose an option.
 */
export function BracketPanel({
  draftId,
  editor,
  canDecide,
}: {
  draftId: string;
  editor: Editor | null;
  /** Draft.can.decideBrackets, kept current by the page (status changes included). */
  canDecide: boolean;
}) {
  const { t, lang } = useT();
  const brackets = useEditorBrackets(editor);
  const { data: people } = useQuery(People, { variables: { lang: apiLang(lang) } });
  const authors = useMemo(
    () =>
      new Map(
        (people?.users ?? []).map((u) => [u.id, u.delegation?.name ?? u.name] as [string, string]),
      ),
    [people],
  );
  const names = useMemo(
    () =>
      new Map(
        (people?.users ?? []).map(
          (u) =>
            [u.id, u.delegation ? `${u.name}, ${u.delegation.name}` : u.name] as [string, string],
        ),
      ),
    [people],
  );
  useEffect(() => {
    if (editor) showBracketAuthors(editor, authors, (who) => t('brackets.inlineBy', { who }));
  }, [editor, authors, t]);
  const [lift, lifting] = useMutation(Lift);
  const [choose, choosing] = useMutation(Choose);
  const error = lifting.error ?? choosing.error;
  const busy = lifting.loading || choosing.loading;
  const show = (b: EditorBracket) =>
    editor?.chain().focus().setTextSelection({ from: b.from, to: b.to }).scrollIntoView().run();

  return (
    <section className="bracket-panel" aria-labelledby="bracket-panel-title">
      <h2 id="bracket-panel-title">
        {t('brackets.title')} <span className="count">({brackets.length})</span>
      </h2>
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
      {brackets.length === 0 ? (
        <p className="muted">{t('brackets.none')}</p>
      ) : (
        <ul className="bracket-list">
          {brackets.map((b) => {
            const author = bracketAuthor(b.id);
            const who = author ? names.get(author) : undefined;
            return (
              <li key={b.id} className="bracket-item" data-bracket-id={b.id}>
                <p className="bracket-options">
                  <span className="bracket-option-text">
                    {t('brackets.optionA')} [{b.text}]
                  </span>
                  {b.alternatives.map((a, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: an option is its position
                    <span key={i} className="bracket-option-text">
                      {t('brackets.option', { letter: optionLetter(i + 1) })} [{a}]
                    </span>
                  ))}
                </p>
                <p className="muted small bracket-author">
                  {who ? t('brackets.by', { who }) : t('brackets.byUnknown')}
                </p>
                <div className="bracket-actions">
                  <button type="button" className="link" onClick={() => show(b)}>
                    {t('brackets.show')}
                  </button>
                  {canDecide && (
                    <>
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() =>
                          void lift({ variables: { draftId, bracketId: b.id } }).catch(
                            () => undefined,
                          )
                        }
                      >
                        {t('brackets.lift')}
                      </button>
                      {b.alternatives.map((a, i) => (
                        <button
                          // biome-ignore lint/suspicious/noArrayIndexKey: an option is its position
                          key={i}
                          type="button"
                          disabled={busy}
                          title={a}
                          onClick={() =>
                            void choose({
                              variables: { draftId, bracketId: b.id, option: i + 1 },
                            }).catch(() => undefined)
                          }
                        >
                          {t('brackets.choose', { letter: optionLetter(i + 1) })}
                        </button>
                      ))}
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
