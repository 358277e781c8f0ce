/**
 * The place hierarchy (街道 → 村/社区 → 网格) as plain ids, for breadcrumbs, place pages and "what belongs here".
 */
export interface PlaceRef {
  id: string;
  parent?: string | undefined;
  order?: number | undefined;
}

export class PlaceTree<P extends PlaceRef> {
  readonly #byId: Map<string, P>;
  readonly #children = new Map<string, P[]>();

  constructor(places: readonly P[]) {
    this.#byId = new Map(places.map((p) => [p.id, p]));
    for (const p of places) {
      if (p.parent === undefined) continue;
      const list = this.#children.get(p.parent) ?? [];
      list.push(p);
      this.#children.set(p.parent, list);
    }
    for (const list of this.#children.values()) {
      list.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));
    }
  }

  get(id: string): P | undefined {
    return this.#byId.get(id);
  }

  children(id: string): P[] {
    return this.#children.get(id) ?? [];
  }

  /** From the top place down to, but not including, `id`. Stops at a missing parent instead of looping. */
  ancestors(id: string): P[] {
    const trail: P[] = [];
    const seen = new Set([id]);
    let parent = this.#byId.get(id)?.parent;
    while (parent !== undefined && !seen.has(parent)) {
      const p = this.#byId.get(parent);
      if (p === undefined) break;
      trail.unshift(p);
      seen.add(parent);
      parent = p.parent;
    }
    return trail;
  }

  /** `id` and every place below it. */
  subtreeIds(id: string): Set<string> {
    const ids = new Set<string>();
    const visit = (current: string) => {
      if (ids.has(current)) return;
      ids.add(current);
      for (const child of this.children(current)) visit(child.id);
    };
    visit(id);
    return ids;
  }
}
