// Where a rule's documentation lives. One place, so the published location can move.

export const DOCS_BASE_URL = "https://github.com/stagecraft-dev/stagecraft/blob/main/docs/rules/";

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

/** A page of docs/ that is not a rule's (`time-budgets`). */
export function docsPageUrl(page: string): string {
  return new URL(`../${page}.md`, DOCS_BASE_URL).href;
}
