import type { CommentDTO } from './types';

/** Tree order: each root, then its replies depth-first, siblings by number. */
export function treeOrder(list: CommentDTO[]): CommentDTO[] {
  const byId = new Map(list.map((c) => [c.id, c]));
  const children = new Map<number | null, CommentDTO[]>();
  for (const c of byId.values()) {
    const key = c.parentId !== null && byId.has(c.parentId) ? c.parentId : null;
    const bucket = children.get(key) ?? [];
    bucket.push(c);
    children.set(key, bucket);
  }
  const out: CommentDTO[] = [];
  const walk = (parent: number | null) => {
    for (const c of (children.get(parent) ?? []).sort((a, b) => a.number - b.number)) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}
