// Message templates: `{name}` placeholders filled from report data.

export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (data && key in data ? String(data[key]) : whole));
}
