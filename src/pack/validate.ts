/**
 * Cross-reference checks of a city pack: duplicate ids, references between lists (dispatcher,
 * supervisors, category units, area parents and overrides, campaign audiences) and cycles. They
 * run on the raw data so that they are reported together with any structural problem.
 */
import { suggestion } from './did-you-mean.js';
import type { Candidate } from './did-you-mean.js';
import { asId, asList, asRecord, asString, entries } from './raw.js';
import type { Entry, Findings, RawRecord } from './raw.js';

/** Checks ids and references; adds what it finds to `found`. */
export function checkReferences(pack: RawRecord, found: Findings): void {
  const units = entries(pack, 'units');
  const categories = entries(pack, 'categories');
  const areas = entries(pack, 'areas');
  for (const list of ['units', 'categories', 'areas', 'faq', 'campaigns']) {
    checkDuplicateIds(list, entries(pack, list), found);
  }

  const unitIds = candidates(pack, units, 'units');
  const categoryIds = candidates(pack, categories, 'categories');
  const areaIds = candidates(pack, areas, 'areas');
  const ref = (path: (string | number)[], value: unknown, what: string, known: Known): void => {
    const id = asId(value);
    if (id !== undefined && known.checkable && !known.has(id)) {
      found.error(path, `unknown ${what} "${id}"${suggestion(id, known.list)}`);
    }
    // The office's name where its id belongs (`unit: 县环卫所`): point at the id. This replaces
    // the schema's generic "must match [a-z0-9]..." for the same path.
    const text = asString(value)?.trim();
    const named = id === undefined && text ? known.list.find((c) => c.name?.trim() === text) : undefined;
    if (named) found.error(path, `unknown ${what} "${text ?? ''}" (did you mean "${named.id}"?)`);
  };

  const city = asRecord(pack.city);
  if (city) ref(['city', 'dispatcher'], city.dispatcher, 'unit', unitIds);

  for (const u of units) {
    ref(['units', u.index, 'supervisor'], u.item.supervisor, 'unit', unitIds);
    if (u.id !== undefined && asId(u.item.supervisor) === u.id) {
      found.error(['units', u.index, 'supervisor'], 'a unit cannot supervise itself');
    }
  }
  reportCycles(units, 'supervisor', 'units', 'supervisor cycle', found);

  for (const c of categories) ref(['categories', c.index, 'unit'], c.item.unit, 'unit', unitIds);

  for (const a of areas) {
    ref(['areas', a.index, 'parent'], a.item.parent, 'area', areaIds);
    if (a.id !== undefined && asId(a.item.parent) === a.id) {
      found.error(['areas', a.index, 'parent'], 'an area cannot be its own parent');
    }
    const overrides = asRecord(a.item.units) ?? {};
    for (const [categoryId, unitId] of Object.entries(overrides)) {
      const path = ['areas', a.index, 'units', categoryId];
      if (categoryIds.checkable && !categoryIds.has(categoryId)) {
        found.error(path, `unknown category "${categoryId}"${suggestion(categoryId, categoryIds.list)}`);
      }
      ref(path, unitId, 'unit', unitIds);
    }
  }
  reportCycles(areas, 'parent', 'areas', 'parent cycle', found);

  for (const c of entries(pack, 'campaigns')) {
    const audience = asRecord(c.item.audience);
    asList(audience?.areas).forEach((areaId, i) => {
      ref(['campaigns', c.index, 'audience', 'areas', i], areaId, 'area', areaIds);
    });
  }

  warnUnusedUnits(pack, units, areas, found);
}

/** The ids a reference may name. */
interface Known {
  list: Candidate[];
  /** False when the list itself is missing or empty: that is reported once, not at every reference. */
  checkable: boolean;
  has(id: string): boolean;
}

function candidates(pack: RawRecord, list: Entry[], key: string): Known {
  const raw = asList(pack[key]);
  // Malformed ids (reported by the schema) still count as present, so a reference to `office`
  // does not also fail when the unit's id was written `Office`.
  const loose = new Set(list.map((e) => asString(e.item.id)?.trim().toLowerCase()).filter((v) => v !== undefined));
  return {
    list: list.flatMap((e) => (e.id === undefined ? [] : [{ id: e.id, name: asString(e.item.name) }])),
    checkable: raw.length > 0,
    has: (id) => loose.has(id.toLowerCase()),
  };
}

function checkDuplicateIds(list: string, items: Entry[], found: Findings): void {
  const first = new Map<string, number>();
  for (const e of items) {
    if (e.id === undefined) continue;
    const seen = first.get(e.id);
    if (seen === undefined) first.set(e.id, e.index);
    else found.error([list, e.index, 'id'], `duplicate id "${e.id}" (already used by ${list}[${seen}])`);
  }
}

/** Follows `link` (supervisor or parent) from every entry and reports each cycle once. */
function reportCycles(items: Entry[], link: string, list: string, what: string, found: Findings): void {
  const next = new Map<string, string>();
  const indexOf = new Map<string, number>();
  for (const e of items) {
    if (e.id === undefined || indexOf.has(e.id)) continue;
    indexOf.set(e.id, e.index);
    const target = asId(e.item[link]);
    // Self-links are reported on their own.
    if (target !== undefined && target !== e.id) next.set(e.id, target);
  }
  const reported = new Set<string>();
  for (const start of next.keys()) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let cur: string | undefined = start;
    while (cur !== undefined && !onChain.has(cur) && !reported.has(cur)) {
      chain.push(cur);
      onChain.add(cur);
      cur = next.get(cur);
    }
    if (cur === undefined || reported.has(cur)) {
      chain.forEach((id) => reported.add(id));
      continue;
    }
    const cycle = chain.slice(chain.indexOf(cur));
    chain.forEach((id) => reported.add(id));
    const at = indexOf.get(cycle[0] ?? '') ?? 0;
    found.error([list, at, link], `${what}: ${[...cycle, cycle[0]].join(' -> ')}`);
  }
}

/** A unit no rule can ever reach is usually a typo somewhere else; warn, since it is harmless. */
function warnUnusedUnits(pack: RawRecord, units: Entry[], areas: Entry[], found: Findings): void {
  const used = new Set<string>();
  const add = (v: unknown): void => {
    const id = asId(v);
    if (id !== undefined) used.add(id);
  };
  add(asRecord(pack.city)?.dispatcher);
  for (const u of units) add(u.item.supervisor);
  for (const c of entries(pack, 'categories')) add(c.item.unit);
  for (const a of areas) Object.values(asRecord(a.item.units) ?? {}).forEach(add);
  for (const u of units) {
    if (u.id !== undefined && !used.has(u.id)) {
      used.add(u.id); // once per id, even when the id is duplicated
      found.warn(['units', u.index, 'id'], `unit "${u.id}" receives no tickets: no category, area override, dispatcher or supervisor names it`);
    }
  }
}
