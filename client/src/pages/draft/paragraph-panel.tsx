import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import type { Editor } from '@tiptap/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { PARAGRAPH_ID_ATTR } from '../../editor/paragraph-ids';
import { showParagraphStatuses } from '../../editor/paragraph-status';
import type { DraftParagraphsQuery, ParagraphStatus } from '../../gql/graphql';
import { type Lang, useT } from '../../i18n/i18n';
import { formatDate } from '../../ui/dates';
import { errorText } from '../../ui/error-text';
import {
  ParagraphsChangedSubscription,
  DraftParagraphsQuery as ParagraphsQuery,
  SetParagraphStatusMutation,
} from './paragraphs.graphql';

type Paragraph = NonNullable<DraftParagraphsQuery['draft']>['paragraphs'][number];
type T = ReturnType<typeof useT>['t'];

/** The statuses a person sets (BRACKETED also follows from the text by itself). */
const SETTABLE: ParagraphStatus[] = ['OPEN', 'BRACKETED', 'AGREED_AD_REF', 'AGREED', 'PARKED'];
const LOCKING: ParagraphStatus[] = ['AGREED', 'AGREED_AD_REF'];
/** The list follows the text this long after it last changed. */
const REREAD_AFTER_EDIT_MS = 500;

const statusClass = (p: Pick<Paragraph, 'status' | 'overdue'>) =>
  `para-${p.status.toLowerCase().replace(/_/g, '-')}${p.overdue ? ' para-overdue' : ''}`;

/** "Agreed", "Agreed ad ref. · confirm by 12 December 2026", "… · overdue". */
export function statusLabel(p: Paragraph, t: T, lang: Lang): string {
  const words = [t(`paragraphs.status.${p.status}`)];
  if (p.status === 'AGREED_AD_REF' && p.confirmBy)
    words.push(t('paragraphs.confirmByDate', { date: formatDate(p.confirmBy, lang) }));
  if (p.overdue) words.push(t('paragraphs.overdue'));
  return words.join(' · ');
}

/** A top-level block as the editor holds it now. */
interface Block {
  id: string | null;
  kind: string;
  number: number | null;
  text: string;
}

/** The editor's blocks, and what would change the server's answer (ids, brackets in each). */
function blocksOf(editor: Editor): { blocks: Block[]; signature: string } {
  const blocks: Block[] = [];
  const keys: string[] = [];
  let number = 0;
  editor.state.doc.forEach((node) => {
    const id = (node.attrs[PARAGRAPH_ID_ATTR] as string | null) ?? null;
    const brackets = new Set<unknown>();
    node.descendants((child) => {
      for (const mark of child.marks) if (mark.type.name === 'bracket') brackets.add(mark.attrs.id);
    });
    blocks.push({
      id,
      kind: node.type.name,
      number: node.type.name === 'paragraph' ? ++number : null,
      text: node.textContent,
    });
    keys.push(`${id}:${brackets.size}`);
  });
  return { blocks, signature: keys.join() };
}

/**
 * The draft's paragraphs with their statuses, beside the text: a status menu for each for those
 * who may set them (`can.setParagraphStatus`), and the statuses given to the editor, which shows
 * them in the margin and, for everyone else, keeps agreed paragraphs locked. The list follows the
 * editor's text as it is typed; statuses are read again when one is set anywhere (live), and when
 * paragraphs come, go or gain brackets (which the server counts).
 */
export function ParagraphPanel({
  draftId,
  editor,
  canSet,
}: {
  draftId: string;
  editor: Editor | null;
  canSet: boolean;
}) {
  const { t, lang } = useT();
  const { data, refetch } = useQuery(ParagraphsQuery, { variables: { id: draftId } });
  useSubscription(ParagraphsChangedSubscription, {
    variables: { draftId },
    onData: () => void refetch(),
  });
  const paragraphs = data?.draft?.paragraphs;
  const [blocks, setBlocks] = useState<Block[]>([]);

  // The editor starts again after the server refused an edit as locked: the statuses that made it
  // refuse are read then (the first editor's come with the query).
  const editors = useRef(0);
  useEffect(() => {
    if (!editor) return;
    editors.current += 1;
    if (editors.current > 1) void refetch();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let read = blocksOf(editor);
    setBlocks(read.blocks);
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const next = blocksOf(editor);
        setBlocks(next.blocks);
        if (next.signature !== read.signature) void refetch();
        read = next;
      }, REREAD_AFTER_EDIT_MS);
    };
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
      clearTimeout(timer);
    };
  }, [editor, refetch]);

  useEffect(() => {
    if (!editor || !paragraphs) return;
    showParagraphStatuses(
      editor,
      paragraphs.map((p) => ({
        id: p.id,
        status: p.status,
        label:
          LOCKING.includes(p.status) && !canSet
            ? `${statusLabel(p, t, lang)} · ${t('paragraphs.locked')}`
            : statusLabel(p, t, lang),
        locked: LOCKING.includes(p.status),
        overdue: p.overdue,
      })),
      !canSet,
    );
  }, [editor, paragraphs, canSet, t, lang]);

  const byId = new Map((paragraphs ?? []).map((p) => [p.id, p]));
  const listed = blocks.flatMap((b, index): Paragraph[] => {
    if (b.kind === 'heading' || b.text.trim() === '') return [];
    // A block without an id yet (written by a raw client): the server names it, in the same place.
    const known = b.id ? byId.get(b.id) : paragraphs?.[index];
    const id = b.id ?? known?.id;
    if (!id) return [];
    return [
      {
        ...(known ?? {
          status: 'OPEN',
          confirmBy: null,
          overdue: false,
          openBrackets: 0,
        }),
        id,
        kind: b.kind,
        number: b.number,
        text: b.text,
      },
    ];
  });
  return (
    <section className="paragraph-panel" aria-labelledby="paragraphs-title">
      <h2 id="paragraphs-title">{t('paragraphs.title')}</h2>
      {listed.length === 0 ? (
        <p className="muted">{t('paragraphs.none')}</p>
      ) : (
        <ol>
          {listed.map((p) => (
            <li key={p.id} data-paragraph-id={p.id}>
              <div className="para-row">
                <span className="para-num">{p.number ? `${p.number}.` : '•'}</span>
                <span className="para-excerpt" title={p.text}>
                  {p.text}
                </span>
                <span className={`para-badge ${statusClass(p)}`}>{statusLabel(p, t, lang)}</span>
              </div>
              {canSet && <StatusForm draftId={draftId} paragraph={p} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The day a confirm-by date input shows (YYYY-MM-DD), from an ISO date. */
const dayOf = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

function StatusForm({ draftId, paragraph }: { draftId: string; paragraph: Paragraph }) {
  const { t, lang } = useT();
  const id = useId();
  const stored: ParagraphStatus = paragraph.status;
  const [status, setStatus] = useState<ParagraphStatus>(stored);
  const [confirmBy, setConfirmBy] = useState(dayOf(paragraph.confirmBy));
  const [save, { loading, error }] = useMutation(SetParagraphStatusMutation);
  // Follows a status set elsewhere (another officer, another tab).
  useEffect(() => {
    setStatus(stored);
    setConfirmBy(dayOf(paragraph.confirmBy));
  }, [stored, paragraph.confirmBy]);
  const name = paragraph.number
    ? t('paragraphs.statusOf', { number: paragraph.number })
    : t('paragraphs.statusOfList');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({
      variables: {
        draftId,
        paragraphId: paragraph.id,
        status,
        // The end of the chosen day, so that it is overdue only once that day is over.
        confirmBy: status === 'AGREED_AD_REF' && confirmBy ? `${confirmBy}T23:59:59Z` : null,
      },
    }).catch(() => undefined);
  };
  return (
    <form onSubmit={submit} aria-label={name}>
      <label htmlFor={`${id}-status`} className="visually-hidden">
        {name}
      </label>
      <select
        id={`${id}-status`}
        value={status}
        onChange={(e) => setStatus(e.target.value as ParagraphStatus)}
        disabled={loading}
      >
        {SETTABLE.map((s) => (
          <option key={s} value={s}>
            {t(`paragraphs.status.${s}`)}
          </option>
        ))}
      </select>
      {status === 'AGREED_AD_REF' && (
        <>
          <label htmlFor={`${id}-date`}>{t('paragraphs.confirmBy')}</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            value={confirmBy}
            onChange={(e) => setConfirmBy(e.target.value)}
          />
        </>
      )}
      <button
        type="submit"
        disabled={
          loading ||
          (status === stored && dayOf(paragraph.confirmBy) === confirmBy) ||
          (status === 'AGREED_AD_REF' && !confirmBy)
        }
      >
        {t('paragraphs.set')}
      </button>
      {error && (
        <span className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </span>
      )}
    </form>
  );
}
