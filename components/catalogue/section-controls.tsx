"use client";
import { useId } from "react";
import { createSectionAction, moveSectionAction, renameSectionAction } from "@/lib/actions/catalogue";
import { ActionForm } from "./action-form";
import { input } from "./indicator-fields";

const small = "rounded border border-slate-400 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";

/** A section's heading: ↑ / ↓ (buttons: keyboard and mouse alike) and Đổi tên mục. */
export function SectionHeader({
  unit,
  section: s,
}: {
  unit: string;
  section: { id: number; version: number; code: string; name: string };
}) {
  const id = useId();
  const ref = (
    <>
      <input type="hidden" name="unit" value={unit} />
      <input type="hidden" name="id" value={s.id} />
      <input type="hidden" name="version" value={s.version} />
    </>
  );
  return (
    <div className="flex flex-wrap items-start gap-2" data-section={s.code}>
      <h4 className="font-medium">{s.name}</h4>
      <span className="flex gap-1">
        <ActionForm
          action={moveSectionAction}
          label={`Đưa mục “${s.name}” lên`}
          submit="↑"
          buttonClassName={small}
          pendingLabel="…"
        >
          {ref}
          <input type="hidden" name="direction" value="up" />
        </ActionForm>
        <ActionForm
          action={moveSectionAction}
          label={`Đưa mục “${s.name}” xuống`}
          submit="↓"
          buttonClassName={small}
          pendingLabel="…"
        >
          {ref}
          <input type="hidden" name="direction" value="down" />
        </ActionForm>
      </span>
      <details className="basis-full">
        <summary className="cursor-pointer text-sm text-brand-700">Đổi tên mục “{s.name}”</summary>
        <ActionForm
          action={renameSectionAction}
          label={`Đổi tên mục ${s.name}`}
          submit="Lưu tên mục"
          className="mt-1 flex flex-wrap items-end gap-2"
        >
          {ref}
          <div className="grow">
            <label htmlFor={`${id}-name`} className="block text-sm font-medium">
              Tên mục
            </label>
            <input id={`${id}-name`} name="name" defaultValue={s.name} required className={input} />
          </div>
        </ActionForm>
      </details>
    </div>
  );
}

/** Thêm mục at the end of a programme. */
export function SectionCreate({ unit, programme }: { unit: string; programme: { id: number; code: string } }) {
  const id = useId();
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm text-brand-700">Thêm mục vào {programme.code}</summary>
      <ActionForm
        action={createSectionAction}
        label={`Thêm mục vào ${programme.code}`}
        submit="Thêm mục"
        className="mt-1 grid items-end gap-2 sm:grid-cols-3"
      >
        <input type="hidden" name="unit" value={unit} />
        <input type="hidden" name="programme" value={programme.id} />
        <div>
          <label htmlFor={`${id}-code`} className="block text-sm font-medium">
            Mã mục
          </label>
          <input id={`${id}-code`} name="code" placeholder="cai-cach-hanh-chinh" required className={input} />
        </div>
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">
            Tên mục
          </label>
          <input id={`${id}-name`} name="name" required className={input} />
        </div>
      </ActionForm>
    </details>
  );
}
