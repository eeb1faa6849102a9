const numberFormat = new Intl.NumberFormat("en");

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** "12 h 5 m" for a title's length; hours only for totals, where minutes are noise. */
export function formatRuntime(minutes: number | null): string | null {
  if (minutes === null || minutes <= 0) return null;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} m`;
  return rest ? `${hours} h ${rest} m` : `${hours} h`;
}

export function formatHours(minutes: number): string {
  const hours = minutes / 60;
  return `${numberFormat.format(hours >= 10 ? Math.round(hours) : Math.round(hours * 10) / 10)} h`;
}

export function seriesLabel(sequence: string | null): string | null {
  if (!sequence) return null;
  return /^\d/.test(sequence) ? `Book ${sequence}` : sequence;
}
