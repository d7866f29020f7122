import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { Link, useParams } from 'wouter';
import { apiLang, useT } from '../../i18n/i18n';
import { errorText } from '../../ui/error-text';
import { ErrorState, Loading } from '../../ui/states';
import { useDocumentTitle } from '../../ui/use-document-title';
import { downloadFile } from '../draft/export/download-export';
import { ConsultationComments } from './consultation-comments';
import { closingText } from './consultation-dates';
import {
  AddConsultationCommentMutation,
  ConsultationChangedSubscription,
  ConsultationQuery,
  MySignatureQuery,
} from './consultations.graphql';
import './consultations.css';

interface Block {
  kind: 'HEADING' | 'PARAGRAPH' | 'LIST';
  level: number;
  number?: number | null;
  html: string;
}

/** The consulted text, read-only. The server escapes what people typed; the markup is its own. */
function ConsultedText({ blocks }: { blocks: Block[] }) {
  return (
    <div className="consulted-text">
      {blocks.map((b, i) => {
        const key = `${i}-${b.kind}`;
        if (b.kind === 'HEADING') {
          // The page's own headings are h1 (title) and h2 (sections): the text's start at h3.
          const level = Math.min(6, b.level + 2);
          const Tag = `h${level}` as 'h3';
          // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped HTML from the server's writer.
          return <Tag key={key} dangerouslySetInnerHTML={{ __html: b.html }} />;
        }
        if (b.kind === 'LIST')
          // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped HTML from the server's writer.
          return <div key={key} className="list" dangerouslySetInnerHTML={{ __html: b.html }} />;
        return (
          <p
            key={key}
            id={b.number ? `para-${b.number}` : undefined}
            className={b.number ? 'numbered' : undefined}
          >
            {b.number && <span className="number">{b.number}.</span>}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped HTML from the server's writer. */}
            <span dangerouslySetInnerHTML={{ __html: b.html }} />
          </p>
        );
      })}
    </div>
  );
}

function CommentForm({
  consultationId,
  paragraphs,
}: {
  consultationId: string;
  paragraphs: number[];
}) {
  const { t, lang } = useT();
  const id = useId();
  const me = useQuery(MySignatureQuery, { variables: { lang: apiLang(lang) } }).data?.me;
  const [body, setBody] = useState('');
  const [paragraph, setParagraph] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [add, { loading, error }] = useMutation(AddConsultationCommentMutation, {
    refetchQueries: ['Consultation'],
    awaitRefetchQueries: true,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    if (!body.trim()) return setProblem(t('consultations.needBody'));
    setProblem(null);
    void add({
      variables: {
        input: { consultationId, body, paragraph: paragraph ? Number(paragraph) : null },
        lang: apiLang(lang),
      },
    })
      .then(() => {
        setBody('');
        setParagraph('');
        setSent(true);
      })
      .catch(() => undefined);
  };
  const shown = problem ?? (error ? errorText(error, lang) : null);
  return (
    <form className="consultation-form" onSubmit={submit} noValidate>
      <h2>{t('consultations.formTitle')}</h2>
      {me && (
        <p className="muted small">
          {t('consultations.signedAs', {
            name: me.name,
            delegation: me.delegation?.name ?? '—',
          })}
        </p>
      )}
      <label htmlFor={`${id}-about`}>{t('consultations.about')}</label>
      <select id={`${id}-about`} value={paragraph} onChange={(e) => setParagraph(e.target.value)}>
        <option value="">{t('consultations.wholeText')}</option>
        {paragraphs.map((n) => (
          <option key={n} value={String(n)}>
            {t('consultations.paragraphOption', { number: n })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-body`}>{t('consultations.body')}</label>
      <textarea
        id={`${id}-body`}
        rows={5}
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          setProblem(null);
        }}
        aria-invalid={problem !== null}
        aria-describedby={shown ? `${id}-problem` : undefined}
      />
      {shown && (
        <p id={`${id}-problem`} className="notice notice-error" role="alert">
          {shown}
        </p>
      )}
      <p role="status" className="small">
        {sent ? t('consultations.sent') : ''}
      </p>
      <button type="submit" className="primary" disabled={loading}>
        {t('consultations.send')}
      </button>
    </form>
  );
}

const LANGUAGES = [
  ['en', 'English'],
  ['fr', 'français'],
] as const;

/** The consulted version as Word or PDF, in either language (the server's clean text). */
function Downloads({ consultationId }: { consultationId: string }) {
  const { t, lang } = useT();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const download = (format: 'docx' | 'pdf', language: 'en' | 'fr') => {
    setOutcome(null);
    downloadFile(
      `/consultations/${encodeURIComponent(consultationId)}/export.${format}?lang=${language}`,
      `consultation.${format}`,
    )
      .then((name) => setOutcome({ ok: true, text: t('consultations.downloaded', { name }) }))
      .catch((err: unknown) => setOutcome({ ok: false, text: errorText(err, lang) }));
  };
  return (
    <section aria-labelledby="consultation-download-title" className="consultation-download">
      <h2 id="consultation-download-title">{t('consultations.download')}</h2>
      <ul>
        {LANGUAGES.flatMap(([code, name]) =>
          (['docx', 'pdf'] as const).map((format) => (
            <li key={`${code}-${format}`}>
              <button type="button" onClick={() => download(format, code)}>
                {t('consultations.downloadAs', {
                  format: format === 'docx' ? 'Word' : 'PDF',
                  language: name,
                })}
              </button>
            </li>
          )),
        )}
      </ul>
      <p role="status" className="small">
        {outcome?.ok ? outcome.text : ''}
      </p>
      {outcome && !outcome.ok && (
        <p className="notice notice-error" role="alert">
          {outcome.text}
        </p>
      )}
    </section>
  );
}

/** One consultation: the consulted version's text, read-only, the comments, and the form. */
export function ConsultationPage() {
  const { t, lang } = useT();
  const { id } = useParams<{ id: string }>();
  const result = useQuery(ConsultationQuery, {
    variables: { id, lang: apiLang(lang) },
    fetchPolicy: 'cache-and-network',
  });
  // Other delegations' comments and the closing arrive while the page is open.
  useSubscription(ConsultationChangedSubscription, { variables: { id, lang: apiLang(lang) } });
  const c = result.data?.consultation;
  useDocumentTitle(c?.title ?? t('consultations.title'));
  if (result.loading && !c) return <Loading />;
  if (!c) return <ErrorState error={result.error} retry={() => void result.refetch()} />;
  const paragraphs = c.blocks.flatMap((b) =>
    b.kind === 'PARAGRAPH' && b.number ? [b.number] : [],
  );
  return (
    <article className="consultation-page">
      <p>
        <Link to="/consultations">{t('consultations.back')}</Link>
      </p>
      <h1>{c.title}</h1>
      <p>
        {c.symbol && <span className="symbol">{c.symbol} · </span>}
        {c.versionLabel
          ? t('consultations.versionLabel', { number: c.versionNumber, label: c.versionLabel })
          : t('consultations.version', { number: c.versionNumber })}{' '}
        <span className={`consultation-state ${c.open ? 'is-open' : 'is-closed'}`}>
          {c.open ? t('consultations.open') : t('consultations.closed')}
        </span>
      </p>
      <p className="small">{closingText(c, t, lang)}</p>
      <div className="consultation-layout">
        <section aria-labelledby="consulted-text-title" className="consultation-text">
          <h2 id="consulted-text-title">{t('consultations.textTitle')}</h2>
          <p className="muted small">{t('consultations.textNote')}</p>
          <ConsultedText blocks={c.blocks} />
          <Downloads consultationId={c.id} />
        </section>
        <div className="consultation-side">
          {c.can.comment ? (
            <CommentForm consultationId={c.id} paragraphs={paragraphs} />
          ) : (
            !c.open && <p className="notice">{t('consultations.closedNote')}</p>
          )}
          <section aria-labelledby="consultation-comments-title">
            <h2 id="consultation-comments-title">{t('consultations.commentsTitle')}</h2>
            <ConsultationComments comments={c.comments} />
          </section>
        </div>
      </div>
    </article>
  );
}
