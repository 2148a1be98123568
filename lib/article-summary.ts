/** What a list of articles shows of each: shared by the data layer, search and the components. */
export type ArticleSummary = {
  id: number;
  slug: string;
  lang: 'en' | 'ru';
  title: string;
  summary: string | null;
  outlet: string | null;
  views: number;
  commentCount: number;
  rating: number;
  publishedAt: number;
};
