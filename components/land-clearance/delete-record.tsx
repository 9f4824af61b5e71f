"use client";
import { useEffect, useRef, useState } from "react";
import { FormStatus, type RecordAction, secondaryButton, useRecordForm } from "./form-parts";

/** "Xóa" asks first, in the page (not a browser dialog); the deletion is audited on the server. */
export function DeleteRecord({
  action,
  ward,
  id,
  version,
  what,
}: {
  action: RecordAction;
  ward: string;
  id: number;
  version: number;
  what: string;
}) {
  const { formRef, onSubmit, version: latest, status } = useRecordForm(action, { version });
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="no-print space-y-2" aria-label={`Xóa ${what}`}>
      <input type="hidden" name="ward" value={ward} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={latest} />
      {!asking ? (
        <button type="button" className={`${secondaryButton} text-red-800`} onClick={() => setAsking(true)}>
          Xóa
        </button>
      ) : (
        <div className="flex flex-wrap items-center gap-2 rounded border border-red-300 bg-red-50 p-2 text-sm">
          <span>Xóa {what}? Không hoàn tác được; thao tác được ghi vào nhật ký.</span>
          <button
            ref={confirmRef}
            type="submit"
            className="rounded bg-red-800 px-3 py-1.5 font-medium text-white hover:bg-red-900"
            disabled={status.pending}
          >
            Xác nhận xóa
          </button>
          <button type="button" className={secondaryButton} onClick={() => setAsking(false)}>
            Hủy
          </button>
        </div>
      )}
      <FormStatus status={status} />
    </form>
  );
}
