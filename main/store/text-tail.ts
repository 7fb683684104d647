import type Database from 'better-sqlite3';
import { eventKey } from './keys';

/**
 * The rows the full-text index does not cover yet (it trails the events during a flood, see
 * `BatchWriter`), indexed on demand in a per-connection TEMP FTS5 table with the same tokenizer,
 * so a text search always covers every stored event with the same matching rules. Usually empty:
 * the writer indexes in the same transaction while it keeps up.
 *
 * @example
 * const tail = new TextTail(db);
 * const needed = tail.sync(sessionId); // then: key IN (main index) OR key IN (temp.events_text_tail)
 */
export class TextTail {
  private created = false;
  /** Per session, the seq range (from, through] the tail table holds. */
  private readonly covered = new Map<number, { from: number; through: number }>();
  private readonly progress: Database.Statement<[number], { textSeq: number; lastSeq: number }>;

  constructor(private readonly db: Database.Database) {
    this.progress = db.prepare('SELECT text_seq AS textSeq, last_seq AS lastSeq FROM sessions WHERE id = ?');
  }

  /** Brings the tail of `sessionId` up to date; true when the session has rows only the tail covers. */
  sync(sessionId: number): boolean {
    const progress = this.progress.get(sessionId);
    const held = this.covered.get(sessionId);
    if (!progress || progress.textSeq >= progress.lastSeq) {
      if (held) this.remove(sessionId, held.through);
      return false;
    }
    this.create();
    const range = held ?? { from: progress.textSeq, through: progress.textSeq };
    if (range.from < progress.textSeq) {
      // The index caught up past part of the tail: that part goes.
      this.remove(sessionId, Math.min(progress.textSeq, range.through));
      range.from = progress.textSeq;
      range.through = Math.max(range.through, progress.textSeq);
    }
    if (range.through < progress.lastSeq) {
      this.db
        .prepare('INSERT INTO temp.events_text_tail (rowid, payload) SELECT key, payload FROM events WHERE key > ? AND key <= ?')
        .run(eventKey(sessionId, range.through), eventKey(sessionId, progress.lastSeq));
      range.through = progress.lastSeq;
    }
    this.covered.set(sessionId, range);
    return true;
  }

  private create(): void {
    if (this.created) return;
    this.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.events_text_tail USING fts5(payload, tokenize = 'unicode61 remove_diacritics 2')");
    this.created = true;
  }

  private remove(sessionId: number, throughSeq: number): void {
    this.db.prepare('DELETE FROM temp.events_text_tail WHERE rowid > ? AND rowid <= ?').run(eventKey(sessionId, 0), eventKey(sessionId, throughSeq));
    if (throughSeq >= (this.covered.get(sessionId)?.through ?? 0)) this.covered.delete(sessionId);
  }
}
