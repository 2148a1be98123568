/** What a server action answers a form with (importable by client components). */
export type ActionState = {
  ok: boolean;
  /** A sentence for the person, shown next to the form and announced. */
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Values to put back into the form after a refusal (never passwords). */
  values?: Record<string, string>;
};
