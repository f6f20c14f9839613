/** The responsible unit: area overrides walked upwards, else the category's unit, else the dispatcher. */
import type { Pack } from '../pack/schema.js';
import type { AreaIndex } from './area.js';

export function resolveUnit(pack: Pack, areas: AreaIndex, category: string | null, area: string | null): string {
  if (category === null) return pack.city.dispatcher;
  if (area !== null) {
    for (const id of areas.chain(area)) {
      const override = areas.get(id)?.units[category];
      if (override !== undefined) return override;
    }
  }
  return pack.categories.find((c) => c.id === category)?.unit ?? pack.city.dispatcher;
}
