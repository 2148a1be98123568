import type Database from 'better-sqlite3';
import type { ArticleSummary } from '@/lib/article-summary';
import { highlightAll, lead, snippet, type Segment } from './highlight';
import { buildMatch, normaliseQuery, parseQuery, quoteTerm, type Term } from './query';

/**
 * Search over the two indexes the 0005 migration keeps (docs/decisions/0004-search.md): an article
 * matches when every term is in its title, summary or body, or names one of the mentions it links.
 * Ranked by bm25 (title 10, summary 4, body 1; matches through a mention alone rank after text
 * matches), newer first among equals.
 */

export const RESULTS_PER_PAGE = 20;
/** Deeper pages are not offered: 10 000 results is more than anyone reads. */
export const MAX_PAGES = 500;
/** Terms that also name mentions, taken into account as such (each doubles the number of cases). */
const MAX_MENTION_TERMS = 3;
/** Mentions one term may stand for. */
const MAX_MENTIONS_PER_TERM = 50;

export type SearchHit = ArticleSummary & {
  titleSegments: Segment[];
  snippet: Segment[];
  /** Names of the article's mentions that the search matched. */
  mentions: string[];
};

export type SearchPage = {
  /** The query as shown back to the reader. */
  query: string;
  terms: Term[];
  items: SearchHit[];
  page: number;
  pages: number;
  total: number;
};

type Row = Omit<SearchHit, 'titleSegments' | 'snippet' | 'mentions'> & { body: string | null };

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepare(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    if (cache.size > 200) cache.clear();
    cache.set(sql, statement);
  }
  return statement;
}

/** The mention ids a term names. */
function mentionsFor(sqlite: Database.Database, term: Term): number[] {
  return prepare(sqlite, `SELECT rowid FROM mention_search WHERE mention_search MATCH ? LIMIT ${MAX_MENTIONS_PER_TERM}`)
    .pluck()
    .all(quoteTerm(term)) as number[];
}

const BM25 = 'bm25(article_search, 10.0, 4.0, 1.0)';
const linkedTo = (ids: number[]) => `IN (SELECT article_id FROM article_mentions WHERE mention_id IN (${ids.map(() => '?').join(', ')}))`;

/**
 * The SQL and parameters of every (id, score, published) the terms match: one case per way of
 * satisfying the terms that also name mentions (in the text, or through a link). A text case is
 * materialized before it is filtered by links, so FTS5 runs the query once rather than per article.
 */
function hitsQuery(terms: Term[], mentionIds: number[][]): { ctes: string[]; sql: string; params: unknown[]; unique: boolean } {
  const viaMention = mentionIds.flatMap((ids, i) => (ids.length > 0 ? [i] : [])).slice(0, MAX_MENTION_TERMS);
  const ctes: string[] = [];
  const cases: string[] = [];
  // Placeholders in text order: every CTE's MATCH comes before any case's.
  const cteParams: unknown[] = [];
  const params: unknown[] = [];
  for (let mask = 0; mask < 1 << viaMention.length; mask++) {
    const byLink = viaMention.filter((_, bit) => mask & (1 << bit));
    const inText = terms.filter((_, i) => !byLink.includes(i));
    const links = byLink.map((i) => linkedTo(mentionIds[i]!));
    if (inText.length > 0 && byLink.length === 0) {
      cases.push(`SELECT rowid AS id, ${BM25} AS score, published_at AS published FROM article_search WHERE article_search MATCH ?`);
      params.push(buildMatch(inText));
    } else if (inText.length > 0) {
      const name = `t${ctes.length}`;
      ctes.push(`${name} AS MATERIALIZED (SELECT rowid AS id, ${BM25} AS score, published_at AS published FROM article_search WHERE article_search MATCH ?)`);
      cases.push(`SELECT id, score, published FROM ${name} WHERE ${links.map((l) => `id ${l}`).join(' AND ')}`);
      cteParams.push(buildMatch(inText));
      for (const i of byLink) params.push(...mentionIds[i]!);
    } else {
      cases.push(`SELECT rowid AS id, 0.0 AS score, published_at AS published FROM article_search WHERE ${links.map((l) => `rowid ${l}`).join(' AND ')}`);
      for (const i of byLink) params.push(...mentionIds[i]!);
    }
  }
  return { ctes, sql: cases.join(' UNION ALL '), params: [...cteParams, ...params], unique: cases.length === 1 };
}

export function searchStore(sqlite: Database.Database, input: unknown, requestedPage: number): SearchPage {
  const query = normaliseQuery(input);
  const terms = parseQuery(query);
  const page = Number.isSafeInteger(requestedPage) && requestedPage >= 1 ? requestedPage : 1;
  const empty: SearchPage = { query, terms, items: [], page, pages: 0, total: 0 };
  if (terms.length === 0) return empty;

  const mentionIds = terms.map((term) => mentionsFor(sqlite, term));
  const hits = hitsQuery(terms, mentionIds);
  const best = hits.unique
    ? `WITH best(id, score, published) AS (${hits.sql})`
    : `WITH ${[...hits.ctes, `hits(id, score, published) AS (${hits.sql})`, 'best AS (SELECT id, min(score) AS score, max(published) AS published FROM hits GROUP BY id)'].join(', ')}`;
  // One match set: count it apart (FTS5 counts without scoring) and let the sort keep only the top
  // rows. Several cases: the union is built once, and counted as it is sorted.
  const counted = hits.unique ? '' : ', count(*) OVER () AS total';
  let ranked: { id: number; total?: number }[] = [];
  if (page <= MAX_PAGES) {
    ranked = prepare(sqlite, `${best} SELECT id${counted} FROM best ORDER BY score, published DESC, id DESC LIMIT ? OFFSET ?`).all(
      ...hits.params,
      RESULTS_PER_PAGE,
      (page - 1) * RESULTS_PER_PAGE,
    ) as { id: number; total?: number }[];
  }
  const total = ranked[0]?.total ?? (prepare(sqlite, `${best} SELECT count(*) FROM best`).pluck().get(...hits.params) as number);
  const pages = Math.min(MAX_PAGES, Math.ceil(total / RESULTS_PER_PAGE));

  const ids = JSON.stringify(ranked.map((r) => r.id));
  const details = new Map(
    (
      prepare(
        sqlite,
        `SELECT a.id, a.slug, a.lang, a.title, a.summary, a.outlet, a.views, a.comment_count AS commentCount, a.rating,
                a.published_at AS publishedAt, s.body
           FROM articles a JOIN article_search_source s ON s.id = a.id
          WHERE a.id IN (SELECT value FROM json_each(?))`,
      ).all(ids) as Row[]
    ).map((r) => [r.id, r]),
  );
  const rows = ranked.flatMap((r) => details.get(r.id) ?? []);
  const stems = terms.map((t) => t.stems);
  const named = namedMentions(sqlite, ids, mentionIds.flat());
  const items = rows.map(({ body, ...row }): SearchHit => {
    const text = [row.summary, body].filter(Boolean).join('\n');
    return {
      ...row,
      titleSegments: highlightAll(row.title, stems),
      snippet: snippet(text, stems) ?? lead(text),
      mentions: named.get(row.id) ?? [],
    };
  });
  return { query, terms, items, page, pages, total };
}

/** For each article, the names of its mentions among those the terms matched. */
function namedMentions(sqlite: Database.Database, articleIds: string, mentionIds: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (articleIds === '[]' || mentionIds.length === 0) return out;
  const rows = prepare(
      sqlite,
      `SELECT am.article_id AS articleId, m.name FROM article_mentions am JOIN mentions m ON m.id = am.mention_id
        WHERE am.article_id IN (SELECT value FROM json_each(?)) AND am.mention_id IN (SELECT value FROM json_each(?))
        ORDER BY am.weight DESC, m.name`,
    )
    .all(articleIds, JSON.stringify([...new Set(mentionIds)])) as { articleId: number; name: string }[];
  for (const r of rows) out.set(r.articleId, [...(out.get(r.articleId) ?? []), r.name]);
  return out;
}
