// Where a rule's documentation lives. One place, so the published location can move.

export const DOCS_BASE_URL = "https://github.com/stagecraft-dev/stagecraft/blob/main/docs/rules/";

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
