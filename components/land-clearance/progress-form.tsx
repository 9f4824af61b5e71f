"use client";
import { saveLandClearanceProgress } from "@/lib/actions/land-clearance";
import type { GpmbProgress } from "@/lib/data/land-clearance";
import { figureInput } from "@/lib/validation/vi-figure";
import { FormFields, FormStatus, SelectField, TextArea, TextField, primaryButton, useRecordForm } from "./form-parts";

/** Add a year's progress (choose among `freeYears`) or edit one year's (`progress`). */
export function ProgressForm({
  ward,
  projectId,
  projectName,
  freeYears,
  progress,
}: {
  ward: string;
  projectId: number;
  projectName: string;
  freeYears?: number[];
  progress?: GpmbProgress;
}) {
  const { formRef, onSubmit, version, status } = useRecordForm(saveLandClearanceProgress, {
    resetOnSuccess: !progress,
    version: progress?.version ?? 0,
  });
  const y = progress;
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="space-y-3"
      aria-label={
        y ? `Sửa tiến độ năm ${y.year} của dự án ${projectName}` : `Thêm tiến độ năm của dự án ${projectName}`
      }
      noValidate
    >
      <input type="hidden" name="ward" value={ward} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="version" value={version} />
      {y && <input type="hidden" name="year" value={y.year} />}
      <FormFields errors={status.state?.fieldErrors}>
        <fieldset key={y?.version ?? "new"} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="sr-only">{y ? `Tiến độ năm ${y.year}` : "Tiến độ của một năm"}</legend>
          {!y && (
            <SelectField
              name="year"
              label="Năm"
              options={(freeYears ?? []).map((n) => ({ value: String(n), label: String(n) }))}
            />
          )}
          <TextField
            name="householdsHandedOver"
            label="Số hộ đã bàn giao mặt bằng"
            defaultValue={y ? figureInput(y.householdsHandedOver?.toString() ?? null) : ""}
            inputMode="numeric"
          />
          <TextField
            name="areaM2"
            label="Diện tích đã bàn giao (m²)"
            defaultValue={y ? figureInput(y.areaM2) : ""}
            inputMode="decimal"
          />
          <TextField
            name="compensationDong"
            label="Đã chi trả bồi thường (đồng)"
            defaultValue={y ? figureInput(y.compensationDong) : ""}
            inputMode="numeric"
          />
          <TextArea name="note" label="Ghi chú" defaultValue={y?.note} className="sm:col-span-2 lg:col-span-4" />
        </fieldset>
      </FormFields>
      <FormStatus status={status} />
      <button type="submit" className={primaryButton} disabled={status.pending}>
        {y ? `Lưu tiến độ năm ${y.year}` : "Thêm tiến độ năm"}
      </button>
    </form>
  );
}
