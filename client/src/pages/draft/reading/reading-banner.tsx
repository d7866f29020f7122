import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import type { Editor } from '@tiptap/core';
import type { Client } from 'graphql-ws';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { readableParagraphs, showReadingParagraph } from '../../../editor/reading-focus';
import type { ReadingFieldsFragment, ReadingOutcome, ReadingRound } from '../../../gql/graphql';
import { useT } from '../../../i18n/i18n';
import { formatDate } from '../../../ui/dates';
import { errorText } from '../../../ui/error-text';
import {
  DraftReadingQuery,
  EndReading,
  MoveReading,
  ReadingChanged,
  RecordReadingOutcome,
  StartReading,
} from './reading.graphql';
import './reading.css';

const ROUNDS: ReadingRound[] = ['FIRST', 'SECOND'];
const OUTCOMES: ReadingOutcome[] = ['AGREED', 'AGREED_AD_REF', 'BRACKETED', 'PARKED'];

/**
 * The reading under way follows the editor of whoever follows it: the paragraph read is
 * highlighted and brought into view each time the reading moves. Stopping leaves the text where
 * the person is; following again brings them back to the paragraph read.
 */
function useFollowReading(
  editor: Editor | null,
  paragraphId: string | null,
  following: boolean,
): void {
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!editor) return;
    const pid = following ? paragraphId : null;
    // Scrolled only when the paragraph changes (or following starts), not on every render.
    const moved = pid !== null && pid !== shown.current;
    shown.current = pid;
    showReadingParagraph(editor, pid, { scroll: moved });
  }, [editor, paragraphId, following]);
  // The text may arrive after the reading (opening a draft mid-reading): show it once it is there.
  useEffect(() => {
    if (!editor || !following || !paragraphId) return;
    const retry = () => {
      if (!editor.view.dom.querySelector('[data-reading-current]'))
        showReadingParagraph(editor, paragraphId, { scroll: true });
    };
    editor.on('update', retry);
    return () => {
      editor.off('update', retry);
    };
  }, [editor, paragraphId, following]);
}

/**
 * A Chair's reading of the draft: a banner saying which paragraph is read ("First reading —
 * paragraph 3"), announced to screen readers as it moves, with follow / stop following; and, for
 * whoever may lead it (the server says who), the controls: start, previous / next paragraph, the
 * outcome of the paragraph read, end.
 */
export function ReadingBanner({
  ws,
  draftId,
  canConduct,
  editor,
}: {
  /** The subscriptions' socket: steps missed while it was reconnecting are read again. */
  ws: Client;
  draftId: string;
  canConduct: boolean;
  editor: Editor | null;
}) {
  const { t, lang } = useT();
  const { cache } = useApolloClient();
  const { data, refetch } = useQuery(DraftReadingQuery, { variables: { id: draftId } });
  // The subscription carries no missed events: after a reconnection, where the reading is now.
  useEffect(
    () =>
      ws.on('connected', (_socket, _payload, wasRetry) => {
        if (wasRetry) void refetch().catch(() => undefined);
      }),
    [ws, refetch],
  );
  const reading = data?.draft.reading ?? null;

  // Keeps the draft's reading what the server last said: a new one, a move, null once ended.
  const show = useCallback(
    (r: ReadingFieldsFragment | null | undefined) => {
      if (r === undefined) return;
      cache.updateQuery({ query: DraftReadingQuery, variables: { id: draftId } }, (prev) =>
        prev ? { draft: { ...prev.draft, reading: r && r.state === 'ACTIVE' ? r : null } } : prev,
      );
    },
    [cache, draftId],
  );
  useSubscription(ReadingChanged, {
    variables: { draftId },
    onData: ({ data: live }) => show(live.data?.readingChanged),
  });

  const [following, setFollowing] = useState(true);
  // A new reading is followed by everyone, whatever they chose for the last one.
  const readingId = reading?.id ?? null;
  useEffect(() => {
    if (readingId) setFollowing(true);
  }, [readingId]);
  useFollowReading(editor, reading?.paragraphId ?? null, following);

  const [start] = useMutation(StartReading);
  const [move] = useMutation(MoveReading);
  const [record] = useMutation(RecordReadingOutcome);
  const [end] = useMutation(EndReading);
  const [busy, setBusy] = useState(false);
  // The last step's refusal, cleared by the next step.
  const [failure, setFailure] = useState<unknown>(null);
  const [round, setRound] = useState<ReadingRound>('FIRST');
  const roundId = useId();
  const controls = useRef<HTMLDivElement>(null);
  // Set by this person's own step: the control they used may be gone once it is shown (Start,
  // the outcomes past the last paragraph), and their focus goes to the next control, not the page.
  const acted = useRef(false);

  // The reading the server answers with is shown at once (the subscription brings it too).
  // One step at a time. Buttons stay enabled (aria-disabled) while one is on its way: disabling
  // the one pressed would drop the keyboard focus.
  const pending = useRef(false);
  const run = (step: () => Promise<ReadingFieldsFragment | undefined>) => {
    if (pending.current) return;
    pending.current = true;
    acted.current = true;
    setBusy(true);
    setFailure(null);
    void step()
      .then(show)
      .catch(setFailure)
      .finally(() => {
        pending.current = false;
        setBusy(false);
      });
  };

  // Numbered as the text is now (the editor's document), the server's number until it has loaded.
  const paragraphs = editor ? readableParagraphs(editor) : [];
  const index = reading?.paragraphId
    ? paragraphs.findIndex((p) => p.id === reading.paragraphId)
    : -1;
  const number = index >= 0 ? paragraphs[index].number : (reading?.paragraphNumber ?? null);
  const atEnd = reading !== null && reading.paragraphId === null;
  const hasPrevious = atEnd ? paragraphs.length > 0 : index > 0;
  const hasNext = index >= 0 && index < paragraphs.length - 1;
  /** The paragraph before or after the one read, in the text as it is when the button is pressed. */
  const neighbour = (offset: -1 | 1): string | undefined => {
    if (!editor || !reading) return undefined;
    const now = readableParagraphs(editor);
    if (reading.paragraphId === null) return offset < 0 ? now[now.length - 1]?.id : undefined;
    const i = now.findIndex((p) => p.id === reading.paragraphId);
    return i < 0 ? undefined : now[i + offset]?.id;
  };
  const moveBy = (offset: -1 | 1) => {
    const paragraphId = neighbour(offset);
    if (paragraphId)
      run(() => move({ variables: { draftId, paragraphId } }).then((r) => r.data?.moveReading));
  };

  useEffect(() => {
    if (!acted.current || busy) return;
    acted.current = false;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    controls.current?.querySelector<HTMLElement>('button:not(:disabled), select')?.focus();
  });

  const where = reading
    ? atEnd || number === null
      ? t('reading.atEnd', { round: t(`reading.round.${reading.round}`) })
      : t('reading.at', { round: t(`reading.round.${reading.round}`), number })
    : '';
  return (
    <div className="reading">
      {/* Always there (empty without a reading), so that a start and every move are announced. */}
      <div role="status" className="visually-hidden">
        {where}
      </div>
      {(reading || canConduct) && <h2 className="visually-hidden">{t('reading.region')}</h2>}
      {(reading || canConduct) && (
        <div className="reading-bar">
          {reading && (
            <div className="reading-banner">
              <p className="reading-where">{where}</p>
              {reading.startedBy && (
                <span className="reading-led">
                  {t('reading.ledBy', { name: reading.startedBy.name })}
                </span>
              )}
              <button
                type="button"
                className="reading-follow"
                onClick={() => setFollowing((f) => !f)}
              >
                {following ? t('reading.stopFollowing') : t('reading.follow')}
              </button>
              {!following && <span className="reading-note">{t('reading.notFollowing')}</span>}
            </div>
          )}

          <div ref={controls} className="reading-actions">
            {canConduct && !reading && (
              <div className="reading-start">
                <label htmlFor={roundId}>{t('reading.roundLabel')}</label>
                <select
                  id={roundId}
                  value={round}
                  onChange={(e) => setRound(e.target.value as ReadingRound)}
                >
                  {ROUNDS.map((r) => (
                    <option key={r} value={r}>
                      {t(`reading.round.${r}`)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  aria-disabled={busy}
                  onClick={() =>
                    run(() =>
                      start({ variables: { draftId, round } }).then((r) => r.data?.startReading),
                    )
                  }
                >
                  {t('reading.start')}
                </button>
              </div>
            )}

            {canConduct && reading && (
              <fieldset className="reading-controls">
                <legend className="visually-hidden">{t('reading.controls')}</legend>
                <button
                  type="button"
                  disabled={!hasPrevious}
                  aria-disabled={busy}
                  onClick={() => moveBy(-1)}
                >
                  <span aria-hidden="true">← </span>
                  {t('reading.previous')}
                </button>
                <button
                  type="button"
                  disabled={!hasNext}
                  aria-disabled={busy}
                  onClick={() => moveBy(1)}
                >
                  {t('reading.next')}
                  <span aria-hidden="true"> →</span>
                </button>
                {reading.paragraphId && number !== null && (
                  <fieldset className="reading-outcome-buttons">
                    <legend className="visually-hidden">
                      {t('reading.outcomeFor', { number })}
                    </legend>
                    {OUTCOMES.map((o) => (
                      <button
                        key={o}
                        type="button"
                        className={`outcome-${o.toLowerCase()}`}
                        aria-disabled={busy}
                        onClick={() => {
                          const paragraphId = reading.paragraphId;
                          if (paragraphId)
                            run(() =>
                              record({ variables: { draftId, paragraphId, outcome: o } }).then(
                                (r) => r.data?.recordReadingOutcome,
                              ),
                            );
                        }}
                      >
                        {t(`reading.outcome.${o}`)}
                      </button>
                    ))}
                  </fieldset>
                )}
                <button
                  type="button"
                  className="reading-end"
                  aria-disabled={busy}
                  onClick={() =>
                    run(() => end({ variables: { draftId } }).then((r) => r.data?.endReading))
                  }
                >
                  {t('reading.end')}
                </button>
              </fieldset>
            )}
          </div>
          {failure !== null && (
            <p className="notice notice-error" role="alert">
              {errorText(failure, lang)}
            </p>
          )}
        </div>
      )}

      {reading && reading.outcomes.length > 0 && (
        <div className="reading-outcomes">
          <h3>{t('reading.outcomes')}</h3>
          <ul>
            {reading.outcomes.map((o) => (
              <li key={o.paragraphId} data-outcome={o.outcome}>
                <span className={`outcome-badge outcome-${o.outcome.toLowerCase()}`}>
                  {t('reading.outcomeLine', {
                    number:
                      paragraphs.find((p) => p.id === o.paragraphId)?.number ??
                      o.paragraphNumber ??
                      '?',
                    outcome: t(`reading.outcome.${o.outcome}`),
                  })}
                </span>{' '}
                <span className="muted small">
                  {t('reading.outcomeWhen', {
                    time: formatDate(o.at, lang, 'p'),
                    name: o.by?.name ?? '',
                  })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
