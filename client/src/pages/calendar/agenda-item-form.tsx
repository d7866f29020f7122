import { useQuery } from '@apollo/client/react';
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import type { AgendaItemInput, LinkedDraftFragment } from '../../gql/graphql';
import { apiLang, useT } from '../../i18n/i18n';
import { errorText } from '../../ui/error-text';
import { DraftChoices } from './meeting.graphql';

export interface SubItemDraft {
  /** Kept sub-items keep their id (and their comments' place). */
  id?: string;
  titleEn: string;
  titleFr: string;
  reference: string;
  draftIds: string[];
}

export interface ItemDraft {
  titleEn: string;
  titleFr: string;
  reference: string;
  draftIds: string[];
  subItems: SubItemDraft[];
}

export const emptyItem: ItemDraft = {
  titleEn: '',
  titleFr: '',
  reference: '',
  draftIds: [],
  subItems: [],
};

/** What the server takes: blank references become none. */
export function toItemInput(item: ItemDraft): AgendaItemInput {
  return {
    titleEn: item.titleEn.trim(),
    titleFr: item.titleFr.trim(),
    reference: item.reference.trim() || null,
    draftIds: item.draftIds,
    subItems: item.subItems.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      titleEn: s.titleEn.trim(),
      titleFr: s.titleFr.trim(),
      reference: s.reference.trim() || null,
      draftIds: s.draftIds,
    })),
  };
}

/** Alt+Up / Alt+Down: where a keyboard reorder moves something (-1, +1), or null. */
export function reorderKey(e: KeyboardEvent): -1 | 1 | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  if (e.key === 'ArrowUp') return -1;
  if (e.key === 'ArrowDown') return 1;
  return null;
}

function DraftLinks({
  drafts,
  chosen,
  onChange,
  legend,
}: {
  drafts: readonly LinkedDraftFragment[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  legend: string;
}) {
  const { t } = useT();
  return (
    <fieldset className="draft-links">
      <legend>{legend}</legend>
      {drafts.map((d) => (
        <label key={d.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(d.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, d.id] : chosen.filter((id) => id !== d.id))
            }
          />
          {t('meetingEdit.draftOfGroup', { number: d.workingGroup.number, title: d.title })}
        </label>
      ))}
    </fieldset>
  );
}

let lastKey = 0;
/** A key for a sub-item row that lasts while it moves (its id may not exist yet). */
const newKey = (): number => {
  lastKey += 1;
  return lastKey;
};

/**
 * An agenda item: titles in both languages, its reference to the modalities paper, the drafts
 * it is about, and its sub-items (added, edited, reordered with buttons or Alt+Up/Down, removed;
 * saved together with the item).
 */
export function AgendaItemForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: ItemDraft;
  submitLabel: string;
  onSubmit: (item: ItemDraft) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t, lang } = useT();
  const choices = useQuery(DraftChoices, { variables: { lang: apiLang(lang) } });
  const drafts = [...(choices.data?.drafts ?? [])].sort(
    (a, b) => a.workingGroup.number - b.workingGroup.number,
  );
  const [item, setItem] = useState<ItemDraft>(initial);
  const [keys, setKeys] = useState(() => initial.subItems.map(() => newKey()));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const heading = useId();

  const setSub = (i: number, change: Partial<SubItemDraft>) =>
    setItem((it) => ({
      ...it,
      subItems: it.subItems.map((s, j) => (j === i ? { ...s, ...change } : s)),
    }));
  const moveSub = (i: number, by: -1 | 1, focus: 'up' | 'down') => {
    const to = i + by;
    if (to < 0 || to >= item.subItems.length) return;
    const reorder = <T,>(list: T[]) => {
      const copy = [...list];
      const [moved] = copy.splice(i, 1);
      copy.splice(to, 0, moved);
      return copy;
    };
    const key = keys[i];
    setItem((it) => ({ ...it, subItems: reorder(it.subItems) }));
    setKeys(reorder(keys));
    setAnnouncement(
      t('meetingEdit.subItemMoved', {
        title: item.subItems[i].titleEn || item.subItems[i].titleFr,
        position: to + 1,
        count: item.subItems.length,
      }),
    );
    // The moved row's button keeps the focus (or its other one, at either end).
    requestAnimationFrame(() => {
      const row = form.current?.querySelector(`[data-sub-key="${key}"]`);
      const wanted = row?.querySelector<HTMLButtonElement>(`.move-${focus}:not(:disabled)`);
      (
        wanted ?? row?.querySelector<HTMLButtonElement>('.move-up:not(:disabled), .move-down')
      )?.focus();
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(item);
    } catch (err) {
      setFailure(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  const complete =
    item.titleEn.trim() &&
    item.titleFr.trim() &&
    item.subItems.every((s) => s.titleEn.trim() && s.titleFr.trim());

  return (
    <form ref={form} className="details-form item-form" onSubmit={submit} aria-labelledby={heading}>
      <h5 id={heading}>{submitLabel}</h5>
      <label>
        {t('meetingEdit.titleEn')}
        <input
          lang="en"
          value={item.titleEn}
          required
          maxLength={1000}
          onChange={(e) => setItem({ ...item, titleEn: e.target.value })}
        />
      </label>
      <label>
        {t('meetingEdit.titleFr')}
        <input
          lang="fr"
          value={item.titleFr}
          required
          maxLength={1000}
          onChange={(e) => setItem({ ...item, titleFr: e.target.value })}
        />
      </label>
      <label>
        {t('meetingEdit.reference')}
        <input
          value={item.reference}
          maxLength={200}
          placeholder="par. 6 c) i-iii)"
          onChange={(e) => setItem({ ...item, reference: e.target.value })}
        />
      </label>
      <DraftLinks
        drafts={drafts}
        chosen={item.draftIds}
        onChange={(draftIds) => setItem({ ...item, draftIds })}
        legend={t('meetingEdit.drafts')}
      />
      <fieldset className="sub-item-list">
        <legend>{t('meetingEdit.subItems')}</legend>
        <p className="muted hint">{t('meetingEdit.reorderHint')}</p>
        <ol>
          {item.subItems.map((s, i) => (
            <li
              key={keys[i]}
              data-sub-key={keys[i]}
              className="sub-item-row"
              onKeyDown={(e) => {
                const by = reorderKey(e);
                if (by === null) return;
                e.preventDefault();
                moveSub(i, by, by < 0 ? 'up' : 'down');
              }}
            >
              <label>
                {t('meetingEdit.subTitleEn', { n: i + 1 })}
                <input
                  lang="en"
                  value={s.titleEn}
                  required
                  maxLength={500}
                  onChange={(e) => setSub(i, { titleEn: e.target.value })}
                />
              </label>
              <label>
                {t('meetingEdit.subTitleFr', { n: i + 1 })}
                <input
                  lang="fr"
                  value={s.titleFr}
                  required
                  maxLength={500}
                  onChange={(e) => setSub(i, { titleFr: e.target.value })}
                />
              </label>
              <label>
                {t('meetingEdit.subReference', { n: i + 1 })}
                <input
                  value={s.reference}
                  maxLength={200}
                  onChange={(e) => setSub(i, { reference: e.target.value })}
                />
              </label>
              <DraftLinks
                drafts={drafts}
                chosen={s.draftIds}
                onChange={(draftIds) => setSub(i, { draftIds })}
                legend={t('meetingEdit.subDrafts', { n: i + 1 })}
              />
              <div className="row">
                <button
                  type="button"
                  className="move-up"
                  disabled={i === 0}
                  aria-label={t('meetingEdit.subMoveUp', { n: i + 1 })}
                  onClick={() => moveSub(i, -1, 'up')}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="move-down"
                  disabled={i === item.subItems.length - 1}
                  aria-label={t('meetingEdit.subMoveDown', { n: i + 1 })}
                  onClick={() => moveSub(i, 1, 'down')}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="link danger"
                  onClick={() => {
                    setItem({ ...item, subItems: item.subItems.filter((_, j) => j !== i) });
                    setKeys(keys.filter((_, j) => j !== i));
                  }}
                >
                  {t('meetingEdit.subRemove', { n: i + 1 })}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => {
            setItem({
              ...item,
              subItems: [
                ...item.subItems,
                { titleEn: '', titleFr: '', reference: '', draftIds: [] },
              ],
            });
            setKeys([...keys, newKey()]);
          }}
        >
          {t('meetingEdit.addSubItem')}
        </button>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !complete}>
          {t('meetingEdit.save')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('meetingEdit.cancel')}
        </button>
      </div>
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
