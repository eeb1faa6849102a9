import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db";
import { queryRows } from "@/server/db/query-rows";

/** Linux's USER_HZ: /proc counts CPU time in these ticks, and it is 100 on every kernel we run on. */
const TICKS_PER_SECOND = 100;

export type ServerCpu = ReadonlyMap<number, number>;

/**
 * CPU time (ms) of each Postgres backend serving this database, read from /proc. Only meaningful when the
 * server runs on this machine, as the bench's does; null when /proc does not have them.
 */
export async function serverCpu(db: Db): Promise<ServerCpu | null> {
  const rows = await queryRows<{ pid: unknown }>(
    db,
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  const cpu = new Map<number, number>();
  for (const row of rows) {
    const pid = Number(row.pid);
    const ms = processCpuMs(pid);
    if (ms === null) return null;
    cpu.set(pid, ms);
  }
  return cpu;
}

/** The CPU the backends used between two readings; a backend opened in between counts from zero. */
export function serverCpuSince(before: ServerCpu, after: ServerCpu): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
