"use client";
import { saveLandClearanceProject } from "@/lib/actions/land-clearance";
import type { GpmbProject } from "@/lib/data/land-clearance";
import { PROJECT_STATUS_LABEL } from "@/lib/format/labels";
import { PROJECT_STATUSES } from "@/lib/validation/land-clearance";
import { figureInput } from "@/lib/validation/vi-figure";
import { FormFields, FormStatus, SelectField, TextArea, TextField, primaryButton, useRecordForm } from "./form-parts";

const statusOptions = PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABEL[s] }));

/** Create a project (no `project`) or edit one entered in the app. */
export function ProjectForm({
  ward,
  term,
  years,
  project,
}: {
  ward: string;
  term: string;
  years: number[];
  project?: GpmbProject;
}) {
  const { formRef, onSubmit, version, status } = useRecordForm(saveLandClearanceProject, {
    resetOnSuccess: !project,
    version: project?.version ?? 0,
  });
  const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));
  const p = project;
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="space-y-3"
      aria-label={p ? `Sửa dự án ${p.name}` : "Thêm dự án"}
      noValidate
    >
      <input type="hidden" name="ward" value={ward} />
      <input type="hidden" name="term" value={term} />
      {p && <input type="hidden" name="id" value={p.id} />}
      <input type="hidden" name="version" value={version} />
      <FormFields errors={status.state?.fieldErrors}>
        {/* remounted with the saved values whenever the record's version moves on */}
        <fieldset key={p?.version ?? "new"} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="sr-only">Thông tin dự án</legend>
          <TextField
            name="name"
            label="Tên dự án"
            defaultValue={p?.name}
            required
            className="sm:col-span-2 lg:col-span-4"
          />
          <SelectField
            name="startYear"
            label="Năm bắt đầu"
            defaultValue={p?.startYear}
            options={yearOptions}
            empty="Chưa rõ"
          />
          <SelectField
            name="endYear"
            label="Năm kết thúc"
            defaultValue={p?.endYear}
            options={yearOptions}
            empty="Chưa rõ"
          />
          <SelectField
            name="status"
            label="Tình trạng"
            defaultValue={p?.status ?? "IN_PROGRESS"}
            options={statusOptions}
            className="sm:col-span-2"
          />
          <TextField
            name="householdsAffected"
            label="Số hộ bị ảnh hưởng"
            defaultValue={p ? figureInput(p.householdsAffected?.toString() ?? null) : ""}
            inputMode="numeric"
          />
          <TextField
            name="areaM2"
            label="Diện tích (m²)"
            hint="Ví dụ 12.500 hoặc 1.250,5"
            defaultValue={p ? figureInput(p.areaM2) : ""}
            inputMode="decimal"
          />
          <TextField
            name="compensationDong"
            label="Bồi thường, hỗ trợ (đồng)"
            hint="Ví dụ 305.000.000"
            defaultValue={p ? figureInput(p.compensationDong) : ""}
            inputMode="numeric"
          />
          <TextField
            name="forcedEnforcements"
            label="Số trường hợp cưỡng chế"
            defaultValue={p ? figureInput(p.forcedEnforcements?.toString() ?? null) : ""}
            inputMode="numeric"
          />
          <TextArea name="note" label="Ghi chú" defaultValue={p?.note} className="sm:col-span-2 lg:col-span-4" />
        </fieldset>
      </FormFields>
      <FormStatus status={status} />
      <button type="submit" className={primaryButton} disabled={status.pending}>
        {p ? "Lưu dự án" : "Thêm dự án"}
      </button>
    </form>
  );
}
