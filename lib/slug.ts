import { slugify } from 'transliteration';

/** A readable, ASCII, URL-safe slug: Russian titles are transliterated ("Минск" → "minsk"). */
export function toSlug(text: string, maxLength = 80): string {
  const slug = slugify(text, { lowercase: true, separator: '-', trim: true, allowedChars: 'a-zA-Z0-9' });
  if (slug.length <= maxLength) return slug || 'article';
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** The article address: `/news/<id>-<slug>`. */
export function articlePath(article: { id: number; slug: string }): string {
  return `/news/${article.id}-${article.slug}`;
}
