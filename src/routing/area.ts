/**
 * Which area a report is about: the deepest area whose polygon holds the point, else the longest
 * name or alias the text mentions (ties go to the deeper area). Names are also found without an
 * administrative suffix ("河西" for "河西镇") where the stem starts a word and no other area claims
 * it, and with one mistyped character when the name is long enough for that to be safe.
 */
import type { Area, Pack } from '../pack/schema.js';
import { normalize, words } from '../text/segment.js';
import { convertPoint, pointInRing, ringArea, type Crs } from './geo.js';

/** A place name found in the text, by character offsets into the normalised text. */
export interface AreaMention {
  area: string;
  start: number;
  end: number;
  /** 2 exact name or alias, 1 stem without its suffix, 0 one character mistyped. */
  quality: number;
}

interface NameEntry {
  area: string;
  text: string;
  chars: string[];
  kind: 'exact' | 'stem';
  latin: boolean;
}

/** Suffixes that a resident may drop ("城关" for "城关镇"); street suffixes are not, "人民" is too common. */
const DROPPABLE_SUFFIXES = ['街道办事处', '街道', '社区', '小区', '镇', '乡'];
/** A character that ends a place name by kind; a typo in it changes the place, so fuzzy matches keep it. */
const SUFFIX_CHARS = new Set(Array.from('路街镇村乡区道园场巷里港湾桥坊'));
const HAN = /^\p{Script=Han}+$/u;

function key(text: string): string {
  return normalize(text).replace(/\s+/g, ' ');
}

export class AreaIndex {
  private readonly byId = new Map<string, Area>();
  private readonly depth = new Map<string, number>();
  private readonly names: NameEntry[] = [];
  private readonly polygons: { area: string; ring: [number, number][]; depth: number; size: number }[] = [];

  constructor(
    pack: Pack,
    private readonly crs: Crs = pack.city.crs,
  ) {
    for (const a of pack.areas) this.byId.set(a.id, a);
    for (const a of pack.areas) this.depth.set(a.id, this.depthOf(a.id));

    const claimed = new Set<string>();
    for (const a of pack.areas) {
      for (const n of [a.name, ...a.aliases]) {
        const t = key(n);
        if (t.length === 0) continue;
        claimed.add(t);
        this.names.push({ area: a.id, text: t, chars: Array.from(t), kind: 'exact', latin: !/\p{Script=Han}/u.test(t) });
      }
    }
    const stems = new Map<string, Set<string>>();
    for (const a of pack.areas) {
      for (const n of [a.name, ...a.aliases]) {
        const t = key(n);
        const suffix = DROPPABLE_SUFFIXES.find((s) => t.endsWith(s));
        if (suffix === undefined) continue;
        const stem = t.slice(0, -suffix.length);
        if (Array.from(stem).length < 2 || !HAN.test(stem) || claimed.has(stem)) continue;
        const owners = stems.get(stem) ?? new Set<string>();
        owners.add(a.id);
        stems.set(stem, owners);
      }
    }
    for (const [stem, owners] of stems) {
      if (owners.size !== 1) continue; // two areas share the stem: it names neither safely
      const [area] = owners;
      if (area !== undefined) this.names.push({ area, text: stem, chars: Array.from(stem), kind: 'stem', latin: false });
    }

    for (const a of pack.areas) {
      if (a.polygon === undefined) continue;
      const ring = a.polygon.map(([x, y]) => [x, y] as [number, number]);
      this.polygons.push({ area: a.id, ring, depth: this.depth.get(a.id) ?? 0, size: ringArea(ring) });
    }
    // Deepest first, then the smaller polygon: the first hit is the answer.
    this.polygons.sort((p, q) => q.depth - p.depth || p.size - q.size);
  }

  /** Words (names, aliases) the segmenter should keep whole. */
  nameWords(): string[] {
    return this.names.filter((n) => !n.latin).map((n) => n.text);
  }

  get(id: string): Area | undefined {
    return this.byId.get(id);
  }

  /** Area ids from `id` up to the root. */
  chain(id: string): string[] {
    const out: string[] = [];
    let cur: string | undefined = id;
    while (cur !== undefined && !out.includes(cur)) {
      out.push(cur);
      cur = this.byId.get(cur)?.parent;
    }
    return out;
  }

  private depthOf(id: string): number {
    return this.chain(id).length - 1;
  }

  /** The deepest area whose polygon holds the point given in `crs`. */
  atPoint(lat: number, lon: number, crs: Crs): string | null {
    const [x, y] = convertPoint(lon, lat, crs, this.crs);
    for (const p of this.polygons) if (pointInRing(x, y, p.ring)) return p.area;
    return null;
  }

  /** Every place name found in the text (overlaps included). */
  mentions(text: string): AreaMention[] {
    const t = key(text);
    if (t.length === 0) return [];
    const out: AreaMention[] = [];
    let starts: Set<number> | undefined;
    for (const n of this.names) {
      if (n.latin) {
        for (const i of indexesOf(t, n.text)) {
          const before = t[i - 1] ?? ' ';
          const after = t[i + n.text.length] ?? ' ';
          if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) {
            out.push({ area: n.area, start: i, end: i + n.text.length, quality: 2 });
          }
        }
        continue;
      }
      for (const i of indexesOf(t, n.text)) {
        if (n.kind === 'stem') {
          starts ??= wordStarts(t);
          if (!starts.has(i)) continue;
        }
        out.push({ area: n.area, start: i, end: i + n.text.length, quality: n.kind === 'exact' ? 2 : 1 });
      }
    }
    if (!out.some((m) => m.quality === 2)) out.push(...this.fuzzyMentions(t));
    return out;
  }

  /** One mistyped character (a homophone, most often) in a name of four or more characters. */
  private fuzzyMentions(t: string): AreaMention[] {
    const chars = Array.from(t);
    const offsets: number[] = [0];
    for (const c of chars) offsets.push((offsets[offsets.length - 1] ?? 0) + c.length);
    const out: AreaMention[] = [];
    for (const n of this.names) {
      if (n.latin || n.kind !== 'exact' || n.chars.length < 4) continue;
      const len = n.chars.length;
      for (let i = 0; i + len <= chars.length; i++) {
        let diff = -1;
        let ok = true;
        for (let j = 0; j < len && ok; j++) {
          if (chars[i + j] === n.chars[j]) continue;
          if (diff !== -1 || j === len - 1 || !HAN.test(chars[i + j] ?? '')) ok = false;
          diff = j;
        }
        if (ok && diff !== -1) out.push({ area: n.area, start: offsets[i] ?? 0, end: offsets[i + len] ?? 0, quality: 0 });
      }
    }
    return out;
  }

  /** The area the text names: the longest mention, then the best match, then the deepest area. */
  fromText(text: string): string | null {
    let best: { m: AreaMention; len: number; depth: number } | undefined;
    for (const m of this.mentions(text)) {
      const len = m.end - m.start;
      const depth = this.depth.get(m.area) ?? 0;
      if (
        best === undefined ||
        len > best.len ||
        (len === best.len && (m.quality > best.m.quality || (m.quality === best.m.quality && depth > best.depth)))
      ) {
        best = { m, len, depth };
      }
    }
    return best?.m.area ?? null;
  }
}

function indexesOf(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** UTF-16 offsets where a segmenter word begins. */
function wordStarts(t: string): Set<number> {
  const out = new Set<number>();
  let pos = 0;
  for (const w of words(t)) {
    const i = t.indexOf(w, pos);
    if (i === -1) continue;
    out.add(i);
    pos = i + w.length;
  }
  return out;
}
