"use client";
import { deleteProgrammeAction } from "@/lib/actions/catalogue";
import { ActionForm } from "./action-form";

/** Xóa chương trình: refused, with the reason, once anything is stored for it. */
export function ProgrammeDelete({
  unit,
  id,
  version,
  code,
}: {
  unit: string;
  id: number;
  version: number;
  code: string;
}) {
  return (
    <ActionForm
      action={deleteProgrammeAction}
      label={`Xóa chương trình ${code}`}
      submit="Xóa chương trình"
      pendingLabel="Đang xóa…"
      confirm={`Xóa chương trình ${code} cùng các mục và chỉ tiêu của nó?`}
      buttonClassName="rounded border border-red-700 px-3 py-1 text-sm text-red-800 hover:bg-red-50"
    >
      <input type="hidden" name="unit" value={unit} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
    </ActionForm>
  );
}
