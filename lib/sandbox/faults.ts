import { z } from "zod";

/**
 * Faults that tests switch on through `POST /__control/faults`. A fault targets one provider and,
 * optionally, one method, a path (regular expression over the path below the provider prefix) and
 * one account, so that tests running side by side do not disturb each other.
 */
export const faultSchema = z
  .object({
    provider: z.enum(["conekta", "razorpay"]),
    method: z
      .string()
      .transform((m) => m.toUpperCase())
      .optional(),
    path: z
      .string()
      .refine((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, "not a valid regular expression")
      .optional(),
    account: z.string().optional(),
    /** Milliseconds to wait before answering (alone, or before another fault). */
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /**
     * `reset` drops the connection before the emulator sees the request; `reset-after` lets the
     * emulator handle it (a create is stored) and then drops the connection instead of the reply.
     */
    kind: z.enum(["latency", "status", "rate-limit", "malformed", "reset", "reset-after"]),
    /** For `status`: the status to answer with, in the provider's error shape. */
    status: z.number().int().min(400).max(599).optional(),
    /** For `rate-limit`: the `Retry-After` seconds. */
    retryAfter: z.number().int().min(0).max(3600).default(1),
    /** How many matching requests the fault applies to before it switches itself off. */
    times: z.number().int().min(1).optional(),
  })
  .refine((f) => f.kind !== "status" || f.status !== undefined, {
    message: "a status fault needs `status`",
    path: ["status"],
  });

export type FaultInput = z.input<typeof faultSchema>;
export type Fault = z.output<typeof faultSchema> & { id: string; hits: number };

export interface FaultTarget {
  provider: "conekta" | "razorpay";
  method: string;
  path: string;
  account: string;
}

export class FaultStore {
  private faults: Fault[] = [];
  private nextId = 1;

  add(input: z.output<typeof faultSchema>): Fault {
    const fault: Fault = { ...input, id: `fault_${this.nextId++}`, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault that matches, counted as used; spent faults are dropped. */
  take(target: FaultTarget): Fault | undefined {
    const fault = this.faults.find((f) => matches(f, target));
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.times !== undefined && fault.hits >= fault.times) this.remove(fault.id);
    return fault;
  }
}

function matches(fault: Fault, target: FaultTarget): boolean {
  if (fault.provider !== target.provider) return false;
  if (fault.method !== undefined && fault.method !== target.method) return false;
  if (fault.account !== undefined && fault.account !== target.account) return false;
  if (fault.path !== undefined && !new RegExp(fault.path).test(target.path)) return false;
  return true;
}
