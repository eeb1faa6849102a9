const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function formatDate(value: Date | string | number): string {
  return dateFormat.format(new Date(value));
}

export const planLabels = { basic: "Basic", premium: "Premium", family: "Family" } as const satisfies Record<
  string,
  string
>;
