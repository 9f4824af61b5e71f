import { describe, expect, it } from "vitest";
import { createSlots } from "./read-slots";

/** A task that runs until released. */
function held() {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { task: () => done.then(() => "read"), release };
}

describe("file read slots", () => {
  it("runs a few at once, lets a few wait their turn, and answers busy to the rest at once", async () => {
    const slots = createSlots(2, 1);
    const tasks = [held(), held(), held(), held()];
    const started: string[] = [];
    const runs = tasks.map((t, i) =>
      slots.run(async () => {
        started.push(`#${i}`);
        return t.task();
      }),
    );
    await Promise.resolve();
    expect(started).toEqual(["#0", "#1"]);
    expect(slots.state).toEqual({ running: 2, waiting: 1 });
    expect(await runs[3]).toEqual({ ok: false, code: "busy" });

    tasks[0].release();
    expect(await runs[0]).toEqual({ ok: true, value: "read" });
    await new Promise((r) => setTimeout(r, 0));
    // the slot passed to the one waiting
    expect(started).toEqual(["#0", "#1", "#2"]);
    expect(slots.state).toEqual({ running: 2, waiting: 0 });
    tasks[1].release();
    tasks[2].release();
    expect(await Promise.all([runs[1], runs[2]])).toEqual([
      { ok: true, value: "read" },
      { ok: true, value: "read" },
    ]);
    expect(slots.state).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the slot when a task fails", async () => {
    const slots = createSlots(1, 0);
    await expect(slots.run(() => Promise.reject(new Error("hỏng")))).rejects.toThrow("hỏng");
    expect(await slots.run(async () => 1)).toEqual({ ok: true, value: 1 });
  });
});
