"use client";
import { useId, useState } from "react";
import { createProgrammeAction, updateProgrammeAction } from "@/lib/actions/catalogue";
import type { EditableProgramme } from "@/lib/data/catalogue";
import { ActionForm } from "./action-form";
import { input } from "./indicator-fields";
import { UnitMultiSelect } from "./unit-multi-select";

/**
 * Tạo chương trình (in `term`) or Sửa chương trình (`programme`): code, number, title, summary, issuing
 * unit (any unit the person manages the catalogue of, down to a ward), issue date, applied units.
 */
export function ProgrammeForm({
  issuers,
  term,
  programme: p,
}: {
  issuers: { slug: string; name: string }[];
  term?: string;
  programme?: EditableProgramme;
}) {
  const id = useId();
  // the units it applies to are chosen among the issuer's: choosing another issuer starts them anew
  const [issuer, setIssuer] = useState(p?.issuer.slug ?? issuers[0]?.slug ?? "");
  const label = p ? `Sửa chương trình ${p.code}` : "Tạo chương trình";
  return (
    <ActionForm
      action={p ? updateProgrammeAction : createProgrammeAction}
      label={label}
      submit={p ? "Lưu chương trình" : "Tạo chương trình"}
      pendingLabel={p ? "Đang lưu…" : "Đang tạo…"}
      className="mt-2 grid gap-2 sm:grid-cols-4"
    >
      {p ? (
        <>
          <input type="hidden" name="id" value={p.id} />
          <input type="hidden" name="version" value={p.version} />
        </>
      ) : (
        <input type="hidden" name="term" value={term} />
      )}
      <div>
        <label htmlFor={`${id}-unit`} className="block text-sm font-medium">
          Đơn vị ban hành
        </label>
        <select
          id={`${id}-unit`}
          name="unit"
          value={issuer}
          onChange={(e) => setIssuer(e.target.value)}
          className={input}
        >
          {issuers.map((u) => (
            <option key={u.slug} value={u.slug}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-code`} className="block text-sm font-medium">
          Số hiệu
        </label>
        <input
          id={`${id}-code`}
          name="code"
          defaultValue={p?.code}
          placeholder="01-CTr/TU"
          required
          className={input}
        />
      </div>
      <div>
        <label htmlFor={`${id}-number`} className="block text-sm font-medium">
          Số thứ tự
        </label>
        <input
          id={`${id}-number`}
          name="number"
          inputMode="numeric"
          defaultValue={p?.number}
          required
          className={input}
        />
      </div>
      <div>
        <label htmlFor={`${id}-date`} className="block text-sm font-medium">
          Ngày ban hành
        </label>
        <input id={`${id}-date`} name="issuedOn" type="date" defaultValue={p?.issuedOn ?? ""} className={input} />
      </div>
      <div className="sm:col-span-4">
        <label htmlFor={`${id}-title`} className="block text-sm font-medium">
          Tên chương trình
        </label>
        <input id={`${id}-title`} name="title" defaultValue={p?.title} required className={input} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor={`${id}-summary`} className="block text-sm font-medium">
          Tóm tắt
        </label>
        <textarea id={`${id}-summary`} name="summary" rows={2} defaultValue={p?.summary} className={input} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor={`${id}-applies`} className="block text-sm font-medium">
          Áp dụng cho
        </label>
        <p id={`${id}-applies-hint`} className="text-xs text-slate-600">
          Gõ tên để tìm đơn vị trực thuộc đơn vị ban hành; không chọn đơn vị nào: áp dụng cho mọi đơn vị trực thuộc.
        </p>
        <UnitMultiSelect
          key={issuer}
          id={`${id}-applies`}
          name="appliesTo"
          parentSlug={issuer}
          value={p && issuer === p.issuer.slug ? p.appliesToUnits : []}
          placeholder="Tìm đơn vị…"
          describedBy={`${id}-applies-hint`}
        />
      </div>
    </ActionForm>
  );
}
