/**
 * General-language word weights from jieba's IDF table (~270k words, computed on a large news and
 * web corpus). Unlike an IDF computed over a pack's own entries, these do not change with the size
 * of the knowledge base, so scores built on them stay comparable across packs.
 *
 * The table stays in its UTF-8 bytes behind an open-addressing hash of typed arrays: a Map of
 * 270k strings made loading slow (~0.5 s) and kept a large heap that GC pauses had to walk, which
 * showed up as multi-millisecond p99 spikes in lookups.
 */
import { idf as bytes } from '@node-rs/jieba/dict.js';

interface Table {
  /** Slot -> byte offset of the word's line + 1 (0 = empty). */
  slots: Int32Array;
  /** Slot -> word length in bytes. */
  lengths: Int32Array;
  values: Float32Array;
  mask: number;
  median: number;
}

let table: Table | undefined;

function hash(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] ?? 0), 0x01000193);
  return h >>> 0;
}

function parseNumber(buf: Uint8Array, start: number, end: number): number {
  let v = 0;
  let scale = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i] ?? 0;
    if (c === 0x2e) scale = 1;
    else if (c >= 0x30 && c <= 0x39) {
      v = v * 10 + (c - 0x30);
      if (scale > 0) scale *= 10;
    }
  }
  return scale > 0 ? v / scale : v;
}

function load(): Table {
  if (table) return table;
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lines++;
  let size = 1;
  while (size < (lines + 1) * 2) size <<= 1;
  const slots = new Int32Array(size);
  const lengths = new Int32Array(size);
  const values = new Float32Array(size);
  const mask = size - 1;
  const hist = new Int32Array(200);
  let count = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    let sp = end - 1;
    while (sp > start && bytes[sp] !== 0x20) sp--;
    if (sp > start) {
      const v = parseNumber(bytes, sp + 1, end);
      let s = hash(bytes, start, sp) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = start + 1;
      lengths[s] = sp - start;
      values[s] = v;
      hist[Math.min(199, Math.floor(v * 10))]!++;
      count++;
    }
    start = end + 1;
  }
  let median = 11.95;
  for (let i = 0, seen = 0; i < hist.length; i++) {
    seen += hist[i] ?? 0;
    if (seen >= count / 2) {
      median = (i + 0.5) / 10;
      break;
    }
  }
  table = { slots, lengths, values, mask, median };
  return table;
}

const encoder = new TextEncoder();
let key = new Uint8Array(256);

function lookup(word: string): number | undefined {
  const t = load();
  if (word.length * 3 > key.length) key = new Uint8Array(word.length * 3);
  const n = encoder.encodeInto(word, key).written;
  let s = hash(key, 0, n) & t.mask;
  for (;;) {
    const at = t.slots[s] ?? 0;
    if (at === 0) return undefined;
    if (t.lengths[s] === n) {
      let same = true;
      for (let i = 0; i < n; i++) {
        if (bytes[at - 1 + i] !== key[i]) {
          same = false;
          break;
        }
      }
      if (same) return t.values[s];
    }
    s = (s + 1) & t.mask;
  }
}

/** The word's general IDF, or undefined when the table does not know it (a new word or a typo). */
export function knownIdf(word: string): number | undefined {
  return lookup(word);
}

/**
 * The word's general IDF; unknown words get the table's median, as jieba's own keyword extractor
 * does, so a made-up or mistyped word counts as a middling content word.
 */
export function generalIdf(word: string): number {
  return lookup(word) ?? load().median;
}
