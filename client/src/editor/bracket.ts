import { suggestChangesKey } from '@handlewithcare/prosemirror-suggest-changes';
import { type Editor, Mark, mergeAttributes } from '@tiptap/core';
import { Fragment, type Mark as PMMark, type Node as PMNode, Slice } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** The mark's name, as the server reads it from the Yjs document (server/core/document-brackets.ts). */
export const BRACKET = 'bracket';

export interface BracketAttrs {
  /** `<userId>:<random>`: the server refuses a bracket whose id is not the sender's own. */
  id: string;
  /** Options B, C…: the bracketed text itself is option A. */
  alternatives: string[];
}

/** A bracketed passage as the editor holds it: its runs joined, where it ends. */
export interface EditorBracket extends BracketAttrs {
  text: string;
  from: number;
  to: number;
}

/** Who bracketed, by user id: "France" (a delegation), else the person's name. */
export type BracketAuthors = ReadonlyMap<string, string>;

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A new bracket id for `userId`: the user id, a colon, 12 random url-safe characters. */
export function newBracketId(userId: string): string {
  const random = crypto.getRandomValues(new Uint8Array(12));
  return `${userId}:${Array.from(random, (b) => ID_CHARS[b % ID_CHARS.length]).join('')}`;
}

/** The user id a bracket id starts with (null if it is not of the expected form). */
export const bracketAuthor = (id: string): string | null =>
  /^([0-9a-f]{24}):/.exec(id)?.[1] ?? null;

function alternativesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string') : [];
}

/** The document's brackets in the order they start; runs with one id are one bracket. */
export function readBrackets(doc: PMNode): EditorBracket[] {
  const found = new Map<string, EditorBracket>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => m.type.name === BRACKET);
    const id = mark?.attrs.id;
    if (!mark || typeof id !== 'string' || !id) return false;
    const end = pos + node.nodeSize;
    const known = found.get(id);
    if (known) {
      known.text += node.text ?? '';
      known.to = end;
    } else
      found.set(id, {
        id,
        alternatives: alternativesOf(mark.attrs.alternatives),
        text: node.text ?? '',
        from: pos,
        to: end,
      });
    return false;
  });
  return [...found.values()];
}

interface BracketPluginState {
  authors: BracketAuthors;
  decorations: DecorationSet;
  /** How "who" is said in the page's language, e.g. "(France)". */
  by: (who: string) => string;
}

const key = new PluginKey<BracketPluginState>('bracketNotes');

/**
 * After each bracket, its alternatives ("/ [option B] / [option C]") and who bracketed it, as a
 * widget outside the text (not editable, not part of the document).
 */
function notes(doc: PMNode, authors: BracketAuthors, by: (who: string) => string): DecorationSet {
  const decorations = readBrackets(doc).map((b) => {
    const author = bracketAuthor(b.id);
    const who = author ? authors.get(author) : undefined;
    const options = b.alternatives.map((a) => ` / [${a}]`).join('');
    return Decoration.widget(
      b.to,
      () => {
        const note = document.createElement('span');
        note.className = 'bracket-note';
        note.contentEditable = 'false';
        note.dataset.bracketId = b.id;
        if (options) {
          const alt = document.createElement('span');
          alt.className = 'bracket-alternatives';
          alt.textContent = options;
          note.append(alt);
        }
        if (who) {
          const label = document.createElement('span');
          label.className = 'bracket-by';
          label.textContent = ` ${by(who)}`;
          note.append(label);
        }
        return note;
      },
      // Redrawn only when what it shows changes; kept outside the bracket's mark.
      { key: `${b.id}|${options}|${who ?? ''}|${by('')}`, side: 1, marks: [] },
    );
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Pasted content: someone else's brackets are dropped (the text stays; the server would refuse
 * their id from us), one's own get a fresh id each, so that a copied bracket is a bracket of its
 * own and not a second half of the first.
 */
function pastedBrackets(slice: Slice, userId: string): Slice {
  const fresh = new Map<string, string>();
  const remark = (m: PMMark): PMMark[] => {
    if (m.type.name !== BRACKET) return [m];
    const id = m.attrs.id;
    if (typeof id !== 'string' || !userId || !id.startsWith(`${userId}:`)) return [];
    if (!fresh.has(id)) fresh.set(id, newBracketId(userId));
    return [m.type.create({ ...m.attrs, id: fresh.get(id) })];
  };
  const clean = (fragment: Fragment): Fragment => {
    const nodes: PMNode[] = [];
    fragment.forEach((node) => {
      if (node.isText) nodes.push(node.mark(node.marks.flatMap(remark)));
      else nodes.push(node.copy(clean(node.content)));
    });
    return Fragment.from(nodes);
  };
  return new Slice(clean(slice.content), slice.openStart, slice.openEnd);
}

export interface BracketOptions {
  /** The signed-in person's id: their brackets' ids start with it. */
  userId: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    bracket: {
      /** Brackets the selection, with optional alternatives (options B, C…). */
      setBracket: (alternatives: string[]) => ReturnType;
    };
  }
}

/**
 * A bracketed passage: language a delegation cannot accept yet, with the options it proposes.
 * Shown as [ … ] (CSS), its alternatives and who bracketed it after it. Brackets exclude one
 * another (no nesting) and typing at their edge does not extend them.
 */
export const Bracket = Mark.create<BracketOptions>({
  name: BRACKET,
  // Outermost of the marks, so that a bracket over bold and plain words is one [ … ].
  priority: 1100,
  inclusive: false,
  excludes: BRACKET,
  addOptions: () => ({ userId: '' }),
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-bracket-id'),
        renderHTML: (attrs) => ({ 'data-bracket-id': attrs.id }),
      },
      alternatives: {
        default: [],
        parseHTML: (el) => {
          try {
            return alternativesOf(JSON.parse(el.getAttribute('data-alternatives') ?? '[]'));
          } catch {
            return [];
          }
        },
        renderHTML: (attrs) => ({
          'data-alternatives': JSON.stringify(alternativesOf(attrs.alternatives)),
        }),
      },
    };
  },
  parseHTML: () => [{ tag: 'span[data-bracket-id]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    mergeAttributes(HTMLAttributes, { class: 'bracket' }),
    0,
  ],
  addCommands() {
    return {
      setBracket:
        (alternatives) =>
        ({ commands, state, tr }) => {
          if (state.selection.empty || !this.options.userId) return false;
          // A bracket is the delegation's own act even in Propose mode, not a proposal to format.
          tr.setMeta(suggestChangesKey, { skip: true });
          return commands.setMark(this.name, {
            id: newBracketId(this.options.userId),
            alternatives: alternatives.map((a) => a.trim()).filter(Boolean),
          });
        },
    };
  },
  addProseMirrorPlugins() {
    const userId = this.options.userId;
    return [
      new Plugin<BracketPluginState>({
        key,
        state: {
          init: (_, state) => {
            const by = (w: string) => `(${w})`;
            return { authors: new Map(), by, decorations: notes(state.doc, new Map(), by) };
          },
          apply: (tr, value, _old, state) => {
            const meta = tr.getMeta(key) as Partial<BracketPluginState> | undefined;
            if (!meta && !tr.docChanged) return value;
            const next = { ...value, ...meta };
            return { ...next, decorations: notes(state.doc, next.authors, next.by) };
          },
        },
        props: {
          decorations: (state) => key.getState(state)?.decorations,
          transformPasted: (slice) => pastedBrackets(slice, userId),
        },
      }),
    ];
  },
});

/** Tells the editor who bracketed (by user id) and how to say it, in the page's language. */
export function showBracketAuthors(
  editor: Editor,
  authors: BracketAuthors,
  by: (who: string) => string,
): void {
  if (editor.isDestroyed) return;
  const meta: Partial<BracketPluginState> = { authors, by };
  editor.view.dispatch(editor.state.tr.setMeta(key, meta).setMeta('addToHistory', false));
}

/** The brackets of an editor's state (for the panel beside the text). */
export const bracketsOf = (state: EditorState): EditorBracket[] => readBrackets(state.doc);
