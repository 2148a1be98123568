/** The public address used for absolute links (feeds, e-mails, canonical URLs). */
export function siteUrl(): string {
  const fromEnv = process.env.SITE_URL;
  if (fromEnv) return fromEnv.replace(/\/+$/, '');
  return `http://localhost:${process.env.PORT || 3000}`;
}
