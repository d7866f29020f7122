import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../server/collaboration/document-state';

/**
 * How the soak's editors type, and how a peer tells which of their keystrokes reached it.
 *
 * `words`: as people type, a run of letters at one caret, moving to another place of the text now
 * and then. Yjs keeps a run typed in one go as one item, so the documents' history grows at the
 * pace people move about, not at the pace of keystrokes.
 * `scattered`: every letter at a random place. Each keystroke is then an item of its own that the
 * document keeps for good (a tombstone once trimmed), about 220 bytes in every copy of it held in
 * memory: a worst case of history growth, kept to measure it.
 */
export type TypingMode = 'words' | 'scattered';

export const TYPING_MODES: readonly TypingMode[] = ['words', 'scattered'];

/** Paragraphs per draft, and the length at which a paragraph is trimmed to keep drafts of a working size. */
export const PARAGRAPHS = 5;
const TRIM_AT = 400;
const TRIM_BY = 200;
/** One keystroke in ten starts a new word somewhere else. */
const MOVE_EVERY = 10;

function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  for (const node of doc.getXmlFragment(CONTENT_FIELD).toArray()) {
    const text = node instanceof Y.XmlElement ? node.get(0) : null;
    if (text instanceof Y.XmlText) out.push(text);
  }
  return out;
}

/** Gives a new draft its paragraphs, typed by one of its editors before the run. */
export function addParagraphs(doc: Y.Doc): void {
  doc.transact(() => {
    for (let k = 0; k < PARAGRAPHS; k += 1) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`Paragraph ${k + 1}. `)]);
      doc.getXmlFragment(CONTENT_FIELD).push([p]);
    }
  });
}

export const paragraphCount = (doc: Y.Doc): number => paragraphTexts(doc).length;

/** One editor's hands: `type(letter)` makes one keystroke, a transaction of its own. */
export class Typist {
  private caret: Y.RelativePosition | null = null;
  private strokes = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly mode: TypingMode,
  ) {}

  /** The clock the next keystroke's letter will have: its identity for the peers. */
  nextClock(): number {
    return Y.getState(this.doc.store, this.doc.clientID);
  }

  type(letter: string): void {
    this.doc.transact(() => {
      let at =
        this.mode === 'words' && this.caret && this.strokes % MOVE_EVERY !== 0
          ? Y.createAbsolutePositionFromRelativePosition(this.caret, this.doc)
          : null;
      if (!at || !(at.type instanceof Y.XmlText)) {
        const texts = paragraphTexts(this.doc);
        const text = texts[Math.floor(Math.random() * texts.length)];
        at = { type: text, index: Math.floor(Math.random() * (text.length + 1)), assoc: 0 };
      }
      const text = at.type as Y.XmlText;
      const index = Math.min(at.index, text.length);
      text.insert(index, letter);
      // After our own letter, wherever the others type meanwhile.
      this.caret = Y.createRelativePositionFromTypeIndex(text, index + 1, -1);
      if (text.length > TRIM_AT) text.delete(0, TRIM_BY);
    });
    this.strokes += 1;
  }
}

/**
 * Keystrokes by (client, clock) with the time they were made, and what peers received: a remote
 * transaction that moves a client's clock from b to a brought that client's keystrokes b..a-1
 * (Yjs integrates a client's items in clock order).
 */
export class Deliveries {
  private sentAt = new Map<number, number[]>();
  delivered = 0;

  sent(client: number, clock: number, at: number): void {
    const times = this.sentAt.get(client) ?? [];
    this.sentAt.set(client, times);
    times[clock] = at;
  }

  /** Calls `record(sentAt)` for every keystroke a peer's document just received. */
  watch(doc: Y.Doc, record: (sentAt: number) => void): void {
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) return;
      tr.afterState.forEach((after, client) => {
        const times = this.sentAt.get(client);
        if (!times) return;
        for (let c = tr.beforeState.get(client) ?? 0; c < after; c += 1) {
          const at = times[c];
          if (at === undefined) continue;
          this.delivered += 1;
          record(at);
        }
      });
    });
  }
}
