import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import type { Editor } from '@tiptap/core';
import { useState } from 'react';
import { CommentThreads } from '../../../comments/comment-thread';
import { colorFor } from '../../../editor/colors';
import type { ProposalFieldsFragment } from '../../../gql/graphql';
import { type Lang, useT } from '../../../i18n/i18n';
import { errorText } from '../../../ui/error-text';
import { delegationSubject, frenchPlural } from './delegation-subject';
import {
  DecideProposal,
  DraftProposalsLive,
  DraftProposalsQuery,
  SupportProposal,
} from './proposals.graphql';

type T = ReturnType<typeof useT>['t'];

const nameIn = (d: { nameEn: string; nameFr: string }, lang: Lang) =>
  lang === 'fr' ? d.nameFr : d.nameEn;

/** "France proposes…" / "La France propose…" */
export function proposerLabel(p: ProposalFieldsFragment, t: T, lang: Lang): string {
  if (!p.delegation) return t('proposals.proposes', { delegation: t('proposals.someone') });
  const subject = delegationSubject(p.delegation.code, nameIn(p.delegation, lang), lang);
  return t(
    lang === 'fr' && frenchPlural(p.delegation.code)
      ? 'proposals.proposesPlural'
      : 'proposals.proposes',
    { delegation: subject },
  );
}

function what(p: ProposalFieldsFragment, t: T): string {
  switch (p.kind) {
    case 'INSERTION':
      return t('proposals.insert', { text: p.inserted });
    case 'DELETION':
      return t('proposals.delete', { text: p.deleted });
    case 'REPLACEMENT':
      return t('proposals.replace', { deleted: p.deleted, inserted: p.inserted });
    default:
      return t('proposals.modify');
  }
}

/** Selects the proposal's words in the editor and brings them into view. */
function showInText(editor: Editor, markId: string): void {
  let from = -1;
  let to = -1;
  editor.state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    if (node.marks.some((m) => m.attrs.id === markId)) {
      if (from < 0) from = pos;
      to = pos + node.nodeSize;
    }
    return false;
  });
  if (from >= 0) editor.chain().focus().setTextSelection({ from, to }).scrollIntoView().run();
}

/**
 * Every author's proposals in their delegation's colour: one style rule per author, so the text's
 * marks (which carry only the author's id) need no re-rendering when the list changes.
 */
function ProposalColours({ proposals }: { proposals: readonly ProposalFieldsFragment[] }) {
  const rules = new Map<string, string>();
  for (const p of proposals)
    if (p.author && p.delegation)
      rules.set(p.author.id, `--proposal-colour: ${colorFor(p.delegation.id)}`);
  const css = [...rules]
    .filter(([id]) => /^[0-9a-f]{24}$/.test(id))
    .map(([id, rule]) => `.draft-text [data-author="${id}"] { ${rule} }`)
    .join('\n');
  return <style>{css}</style>;
}

/** A proposal's own thread, read only once opened: a long list must not load every thread. */
function ProposalThread({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t } = useT();
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="proposal-thread"
      onToggle={(e) => setOpened((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('proposals.thread')}</summary>
      {opened && <CommentThreads targetId={id} canWrite={canWrite} />}
    </details>
  );
}

function ProposalItem({
  proposal: p,
  editor,
  canComment,
}: {
  proposal: ProposalFieldsFragment;
  editor: Editor | null;
  canComment: boolean;
}) {
  const { t, lang } = useT();
  const [support, supporting] = useMutation(SupportProposal);
  const [decide, deciding] = useMutation(DecideProposal);
  const [error, setError] = useState<unknown>(null);
  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch(setError);
  };
  const busy = supporting.loading || deciding.loading;
  const colour = p.delegation ? colorFor(p.delegation.id) : undefined;
  const label = proposerLabel(p, t, lang);
  return (
    <li className="proposal" data-proposal={p.markId} data-status={p.status}>
      <p className="proposal-who">
        <span className="proposal-swatch" style={{ background: colour }} aria-hidden="true" />
        <strong>{label}</strong> {what(p, t)}
      </p>
      <p className="proposal-meta">
        {p.paragraphNumber !== null && p.paragraphNumber !== undefined && (
          <span>{t('proposals.paragraph', { number: p.paragraphNumber })} · </span>
        )}
        {p.author && <span>{t('proposals.by', { name: p.author.name })}</span>}
        {p.status !== 'OPEN' && (
          <span className="proposal-status">
            {' '}
            · {p.status === 'ACCEPTED' ? t('proposals.ACCEPTED') : t('proposals.REJECTED')}
          </span>
        )}
      </p>
      {p.supports.length > 0 && (
        <p className="proposal-supports">
          {t('proposals.supportedBy', {
            names: p.supports.map((d) => nameIn(d, lang)).join(', '),
          })}
        </p>
      )}
      {p.objections.length > 0 && (
        <p className="proposal-objections">
          {t('proposals.objectedBy', {
            names: p.objections.map((d) => nameIn(d, lang)).join(', '),
          })}
        </p>
      )}
      {p.status === 'OPEN' && (
        // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form's fieldset
        <div className="proposal-actions" role="group" aria-label={label}>
          {editor && (
            <button type="button" onClick={() => showInText(editor, p.markId)}>
              {t('proposals.show')}
            </button>
          )}
          {p.can.support && (
            <>
              <button
                type="button"
                disabled={busy}
                onClick={() => run(() => support({ variables: { id: p.id, support: true } }))}
              >
                {t('proposals.support')}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => run(() => support({ variables: { id: p.id, support: false } }))}
              >
                {t('proposals.object')}
              </button>
            </>
          )}
          {p.can.decide && (
            <>
              <button
                type="button"
                className="button-primary"
                disabled={busy}
                onClick={() => run(() => decide({ variables: { id: p.id, accept: true } }))}
              >
                {t('proposals.accept')}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => run(() => decide({ variables: { id: p.id, accept: false } }))}
              >
                {t('proposals.reject')}
              </button>
            </>
          )}
        </div>
      )}
      {error !== null && (
        <p className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
      <ProposalThread id={p.id} canWrite={canComment} />
    </li>
  );
}

/** The draft's proposals beside the text, live: who proposes what, who supports it, decisions. */
export function ProposalsPanel({
  draftId,
  editor,
  canComment,
}: {
  draftId: string;
  editor: Editor | null;
  /** The draft's `can.comment`: a proposal's thread is under the draft's rules. */
  canComment: boolean;
}) {
  const { t } = useT();
  const { data } = useQuery(DraftProposalsQuery, { variables: { id: draftId } });
  useSubscription(DraftProposalsLive, { variables: { id: draftId } });
  const proposals = data?.draft?.proposals ?? [];
  const open = proposals.filter((p) => p.status === 'OPEN');
  const decided = proposals.filter((p) => p.status !== 'OPEN');
  return (
    <section className="proposals-panel" aria-labelledby="proposals-title">
      <ProposalColours proposals={proposals} />
      <h2 id="proposals-title">
        {t('proposals.title')} <span className="count">({open.length})</span>
      </h2>
      {open.length === 0 ? (
        <p className="muted">{t('proposals.none')}</p>
      ) : (
        <ul className="proposal-list">
          {open.map((p) => (
            <ProposalItem key={p.id} proposal={p} editor={editor} canComment={canComment} />
          ))}
        </ul>
      )}
      {decided.length > 0 && (
        <details className="proposals-decided">
          <summary>
            {t('proposals.decided')} ({decided.length})
          </summary>
          <ul className="proposal-list">
            {decided.map((p) => (
              <ProposalItem key={p.id} proposal={p} editor={editor} canComment={canComment} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
