import "server-only";
// Reading an uploaded file is the costly part of an import (inflating, parsing the workbook): at
// most a few run at once, a few more wait their turn, and the rest are told at once that the server
// is busy, so that a burst of uploads can neither exhaust memory nor pile up without bound.
import type { Failure } from "@/lib/result";

export type Slots = {
  /** `task`'s value when a slot was free (or became free while waiting); the "busy" failure when none could be had */
  run<T>(task: () => Promise<T>): Promise<{ ok: true; value: T } | Failure<"busy">>;
  /** for tests and monitoring */
  readonly state: { running: number; waiting: number };
};

export function createSlots(running: number, waiting: number): Slots {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    async run(task) {
      if (active < running) active++;
      else if (queue.length < waiting) await new Promise<void>((resolve) => queue.push(resolve));
      else return { ok: false, code: "busy" };
      try {
        return { ok: true, value: await task() };
      } finally {
        // the slot passes straight to the next in line, or is freed
        const next = queue.shift();
        if (next) next();
        else active--;
      }
    },
    get state() {
      return { running: active, waiting: queue.length };
    },
  };
}
